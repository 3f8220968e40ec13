package io.github.vocstream.aggregator.api.view;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One theme of a segment with the latest sentences behind its numbers. */
@Serdeable
public record ThemeDetail(String segment, long feedbackCount, ThemeView theme, List<EvidenceView> evidence) {
}
