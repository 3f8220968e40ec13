package io.github.vocstream.aggregator.api.view;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Every segment known to the instances asked, largest first. */
@Serdeable
public record SegmentList(List<SegmentView> segments) {
}
