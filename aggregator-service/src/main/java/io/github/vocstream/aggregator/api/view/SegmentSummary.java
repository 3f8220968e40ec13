package io.github.vocstream.aggregator.api.view;

import io.micronaut.serde.annotation.Serdeable;

/** A segment's totals and its themes, the drivers (most negative impact) first: one live update. */
@Serdeable
public record SegmentSummary(SegmentView sentiment, ThemeList themes) {
}
