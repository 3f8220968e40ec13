package io.github.vocstream.aggregator.api.view;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The items counted but not scored, how many per language, and why: they count in a segment's volume and a theme's
 * mentions, never in the counts by label, the shares or the means.
 */
@Serdeable
public record UnscoredView(long count, Map<String, Long> byLanguage, String reason) {

    static final String REASON = "written in a language the sentiment model does not read (it reads English)";

    public static UnscoredView of(Map<String, Long> byLanguage) {
        return new UnscoredView(byLanguage.values().stream().mapToLong(Long::longValue).sum(), new TreeMap<>(byLanguage),
                byLanguage.isEmpty() ? null : REASON);
    }
}
