package io.github.vocstream.aggregator.rating;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a source's ratings mean, and the score a CX team reports from them. Each score comes from the histogram of
 * the ratings (how many of each value), so it can be taken apart: a segment's histogram minus a theme's is the
 * segment without that theme.
 *
 * <ul>
 *   <li>{@link #NPS}: "how likely are you to recommend us", 0-10. Promoters answer 9-10, passives 7-8, detractors
 *   0-6; the score is % promoters − % detractors, from −100 to 100.</li>
 *   <li>{@link #CSAT}: a satisfaction survey, 1-5. The score is the share of satisfied answers (4-5), in %.</li>
 *   <li>{@link #STARS}: a review's stars, 1-5. The score is the mean number of stars.</li>
 * </ul>
 *
 * <p>The 95 % intervals: for NPS the normal approximation with the variance of a difference of two proportions of
 * one sample, (p + d − (p − d)²) / n for shares p of promoters and d of detractors; for CSAT the Wilson interval of a
 * proportion; for stars the normal approximation of a mean, with the sample standard deviation. None of them means
 * much below {@link Score#FEW_RATINGS} ratings, which is why a score says when it has fewer.
 */
public enum RatingScale {

    NPS(0, 10, "promoters", "passives", "detractors") {
        @Override
        Score score(long[] histogram) {
            long n = total(histogram);
            long promoters = count(histogram, 9, 10);
            long detractors = count(histogram, 0, 6);
            Map<String, Long> groups = groups(promoters, count(histogram, 7, 8), detractors);
            if (n == 0) {
                return Score.none(groups);
            }
            double p = (double) promoters / n;
            double d = (double) detractors / n;
            double half = Z * Math.sqrt((p + d - (p - d) * (p - d)) / n);
            // From the counts, not from p - d, so that 414 promoters and 394 detractors of 1,000 are 2, not 1.99...96.
            double nps = 100.0 * (promoters - detractors) / n;
            return Score.of(n, nps, Math.max(-100, nps - 100 * half), Math.min(100, nps + 100 * half), groups);
        }
    },
    CSAT(1, 5, "satisfied", "neutral", "dissatisfied") {
        @Override
        Score score(long[] histogram) {
            return topTwoBox(histogram, this);
        }
    },
    STARS(1, 5, "satisfied", "neutral", "dissatisfied") {
        @Override
        Score score(long[] histogram) {
            long n = total(histogram);
            Map<String, Long> groups = satisfaction(histogram);
            if (n == 0) {
                return Score.none(groups);
            }
            double sum = 0;
            for (int value = 1; value <= 5; value++) {
                sum += value * histogram[value - 1];
            }
            double mean = sum / n;
            if (n == 1) {
                return Score.of(n, mean, 1, 5, groups);
            }
            double squares = 0;
            for (int value = 1; value <= 5; value++) {
                squares += histogram[value - 1] * (value - mean) * (value - mean);
            }
            double half = Z * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
            return Score.of(n, mean, Math.max(1, mean - half), Math.min(5, mean + half), groups);
        }
    };

    /** The normal quantile of a two-sided 95 % interval. */
    static final double Z = 1.959964;

    private final int min;
    private final int max;
    private final String top;
    private final String middle;
    private final String bottom;

    RatingScale(int min, int max, String top, String middle, String bottom) {
        this.min = min;
        this.max = max;
        this.top = top;
        this.middle = middle;
        this.bottom = bottom;
    }

    /** The score of the ratings counted in {@code histogram}, whose index i counts the value {@code min() + i}. */
    abstract Score score(long[] histogram);

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** How many values the scale has: the length of its histograms. */
    public int size() {
        return max - min + 1;
    }

    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scale named {@code key} ({@code nps}, {@code csat} or {@code stars}, any case). */
    public static Optional<RatingScale> parse(String key) {
        for (RatingScale scale : values()) {
            if (scale.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }

    long count(long[] histogram, int fromValue, int toValue) {
        long sum = 0;
        for (int value = fromValue; value <= toValue; value++) {
            sum += histogram[value - min];
        }
        return sum;
    }

    /** The groups of a 1-5 scale: satisfied 4-5, neutral 3, dissatisfied 1-2. */
    Map<String, Long> satisfaction(long[] histogram) {
        return groups(count(histogram, 4, 5), count(histogram, 3, 3), count(histogram, 1, 2));
    }

    Map<String, Long> groups(long topCount, long middleCount, long bottomCount) {
        Map<String, Long> groups = new LinkedHashMap<>();
        groups.put(top, topCount);
        groups.put(middle, middleCount);
        groups.put(bottom, bottomCount);
        return groups;
    }

    static long total(long[] histogram) {
        long sum = 0;
        for (long count : histogram) {
            sum += count;
        }
        return sum;
    }

    /** The share of 4-5 answers in %, with its Wilson interval. */
    private static Score topTwoBox(long[] histogram, RatingScale scale) {
        long n = total(histogram);
        long satisfied = scale.count(histogram, 4, 5);
        Map<String, Long> groups = scale.satisfaction(histogram);
        if (n == 0) {
            return Score.none(groups);
        }
        double p = (double) satisfied / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return Score.of(n, 100.0 * satisfied / n, 100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half), groups);
    }
}
