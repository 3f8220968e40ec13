package io.github.vocstream.aggregator.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini-Hochberg q-values: comparing two segments tests every theme at once, and with 26 themes one of them would
 * pass p < 0.05 by chance alone more often than not. A q-value below 0.05 keeps the expected share of false findings
 * among those reported under 5 %.
 */
public final class FalseDiscovery {

    private FalseDiscovery() {
    }

    /** The q-value of each p-value, in the same order. */
    public static double[] qValues(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            q[index] = running;
        }
        return q;
    }
}
