package io.github.vocstream.aggregator.stats;

/**
 * The two-proportion z-test: do {@code x1} of {@code n1} and {@code x2} of {@code n2} differ more than chance would
 * make them? With the pooled proportion p = (x1 + x2) / (n1 + n2), z = (x1/n1 - x2/n2) / sqrt(p (1 - p) (1/n1 + 1/n2)),
 * and the two-sided p-value is 2 (1 - Phi(|z|)). The normal approximation wants about five successes and five failures
 * on each side; below that the answer says so ({@link Result#approximate}) rather than hiding it.
 */
public final class TwoProportionTest {

    private TwoProportionTest() {
    }

    /** {@code z}, its two-sided {@code p}, and whether the counts are too small for the normal approximation. */
    public record Result(double difference, double z, double p, boolean approximate) {
    }

    public static Result test(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            return new Result(0, 0, 1, true);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        boolean approximate = Math.min(Math.min(x1, n1 - x1), Math.min(x2, n2 - x2)) < 5;
        if (variance == 0) {
            // Both all or both nothing: no difference to test.
            return new Result(p1 - p2, 0, 1, approximate);
        }
        double z = (p1 - p2) / Math.sqrt(variance);
        return new Result(p1 - p2, z, Math.min(1, 2 * upperTail(Math.abs(z))), approximate);
    }

    /** P(Z > z) for a standard normal Z: erfc(z / sqrt 2) / 2. */
    static double upperTail(double z) {
        return erfc(z / Math.sqrt(2)) / 2;
    }

    /** The complementary error function, Chebyshev-fitted (Numerical Recipes' erfcc): fractional error under 1.2e-7. */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double value = t * Math.exp(poly);
        return x >= 0 ? value : 2 - value;
    }
}
