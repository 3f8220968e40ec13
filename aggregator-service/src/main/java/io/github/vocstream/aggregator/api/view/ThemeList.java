package io.github.vocstream.aggregator.api.view;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The themes of a segment, in the order asked for. */
@Serdeable
public record ThemeList(String segment, long feedbackCount, double meanScore, String sort, List<ThemeView> themes) {
}
