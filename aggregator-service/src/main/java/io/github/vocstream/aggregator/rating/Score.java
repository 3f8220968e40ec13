package io.github.vocstream.aggregator.rating;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reported score with its 95 % interval, from {@code rated} ratings; value and interval are null when there are
 * none. {@code groups} counts the ratings in the scale's three groups (promoters, passives, detractors for NPS).
 */
public record Score(long rated, Double value, Double low, Double high, Map<String, Long> groups) {

    /** Below this many ratings a score is marked: its interval is wide and its approximation rough. */
    public static final long FEW_RATINGS = 30;

    public Score {
        // In the scale's order: best group first.
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    static Score none(Map<String, Long> groups) {
        return new Score(0, null, null, null, groups);
    }

    static Score of(long rated, double value, double low, double high, Map<String, Long> groups) {
        return new Score(rated, value, low, high, groups);
    }

    public boolean fewRatings() {
        return rated < FEW_RATINGS;
    }
}
