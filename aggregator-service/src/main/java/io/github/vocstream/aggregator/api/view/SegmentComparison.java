package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.stats.FalseDiscovery;
import io.github.vocstream.aggregator.stats.TwoProportionTest;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two segments side by side: for every theme either mentions, how much more often one segment's customers bring it up
 * (its share of the segment's feedback) and how much more often they are negative about it (the negative share of its
 * scored mentions), each with a two-proportion z-test, and Benjamini-Hochberg q-values over all of them. A difference is
 * {@code significant} at q below {@value #SIGNIFICANCE} and with counts the normal approximation can carry; the
 * themes that differ most come first.
 */
@Serdeable
public record SegmentComparison(Side a, Side b, String method, List<ThemeDifference> themes) {

    static final double SIGNIFICANCE = 0.05;
    static final String METHOD = "two-proportion z-test per theme (share of the segment's feedback; negative share of "
            + "the theme's scored mentions), Benjamini-Hochberg q-values over all tests, significant at q < 0.05 with at least 5 "
            + "of each outcome on each side";

    /** One segment's size and mean score. */
    @Serdeable
    public record Side(String segment, long feedbackCount, double meanScore) {
    }

    /** One theme in both segments. */
    @Serdeable
    public record ThemeDifference(String theme, String label, long mentionsA, long mentionsB, double shareA, double shareB,
                                  double shareQ, double negativeShareA, double negativeShareB, double negativeQ,
                                  boolean significant) {
    }

    public static SegmentComparison of(ThemeList a, ThemeList b) {
        Map<String, ThemeView[]> pairs = new LinkedHashMap<>();
        a.themes().forEach(theme -> pairs.computeIfAbsent(theme.theme(), key -> new ThemeView[2])[0] = theme);
        b.themes().forEach(theme -> pairs.computeIfAbsent(theme.theme(), key -> new ThemeView[2])[1] = theme);
        List<String> keys = new ArrayList<>(pairs.keySet());
        double[] p = new double[keys.size() * 2];
        boolean[] approximate = new boolean[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            ThemeView[] pair = pairs.get(keys.get(i));
            var share = TwoProportionTest.test(mentions(pair[0]), a.feedbackCount(), mentions(pair[1]), b.feedbackCount());
            var negative = TwoProportionTest.test(negative(pair[0]), scored(pair[0]), negative(pair[1]), scored(pair[1]));
            p[2 * i] = share.p();
            approximate[2 * i] = share.approximate();
            p[2 * i + 1] = negative.p();
            approximate[2 * i + 1] = negative.approximate();
        }
        double[] q = FalseDiscovery.qValues(p);
        List<ThemeDifference> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ThemeView[] pair = pairs.get(keys.get(i));
            ThemeView any = pair[0] != null ? pair[0] : pair[1];
            boolean significant = (q[2 * i] < SIGNIFICANCE && !approximate[2 * i])
                    || (q[2 * i + 1] < SIGNIFICANCE && !approximate[2 * i + 1]);
            rows.add(new ThemeDifference(any.theme(), any.label(), mentions(pair[0]), mentions(pair[1]),
                    ratio(mentions(pair[0]), a.feedbackCount()), ratio(mentions(pair[1]), b.feedbackCount()), q[2 * i],
                    ratio(negative(pair[0]), scored(pair[0])), ratio(negative(pair[1]), scored(pair[1])), q[2 * i + 1],
                    significant));
        }
        rows.sort(Comparator.comparing((ThemeDifference row) -> !row.significant())
                .thenComparingDouble(row -> Math.min(row.shareQ(), row.negativeQ()))
                .thenComparing(Comparator.comparingDouble((ThemeDifference row) -> Math.abs(row.shareA() - row.shareB())).reversed()));
        return new SegmentComparison(new Side(a.segment(), a.feedbackCount(), a.meanScore()),
                new Side(b.segment(), b.feedbackCount(), b.meanScore()), METHOD, rows);
    }

    private static long mentions(ThemeView theme) {
        return theme == null ? 0 : theme.mentions();
    }

    /** Mentions with a verdict: the negative share is of those. */
    private static long scored(ThemeView theme) {
        return theme == null ? 0 : theme.scored();
    }

    private static long negative(ThemeView theme) {
        return theme == null ? 0 : theme.negative();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
