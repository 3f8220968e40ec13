package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.TextLanguage;
import java.util.Map;
import java.util.TreeMap;

/** The count of items not scored, per language: kept beside the counts by label wherever those are. */
final class Unscored {

    private Unscored() {
    }

    /** {@code counts} with {@code sign} added for {@code language} (null reads as undetermined); zeros are left out. */
    static Map<String, Long> plus(Map<String, Long> counts, String language, int sign) {
        Map<String, Long> next = new TreeMap<>(counts);
        next.merge(language == null ? TextLanguage.UNDETERMINED : language, (long) sign, Long::sum);
        next.values().removeIf(count -> count == 0);
        return next;
    }

    /** Both counts added up; zeros are left out. */
    static Map<String, Long> plus(Map<String, Long> counts, Map<String, Long> others) {
        if (others.isEmpty()) {
            return counts;
        }
        Map<String, Long> next = new TreeMap<>(counts);
        others.forEach((language, count) -> next.merge(language, count, Long::sum));
        next.values().removeIf(count -> count == 0);
        return next;
    }
}
