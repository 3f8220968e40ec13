package io.github.vocstream.aggregator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

    @Test
    void theNormalTailMatchesPublishedValues() {
        // Standard normal table: P(Z > 1.96) = 0.0250, P(Z > 2.576) = 0.0050, P(Z > 0) = 0.5.
        assertThat(TwoProportionTest.upperTail(1.96)).isCloseTo(0.0250, within(1e-4));
        assertThat(TwoProportionTest.upperTail(2.576)).isCloseTo(0.0050, within(1e-4));
        assertThat(TwoProportionTest.upperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(TwoProportionTest.upperTail(-1.96)).isCloseTo(0.9750, within(1e-4));
    }

    @Test
    void aWorkedExample() {
        // 45 of 200 against 25 of 200: pooled 0.175, se = sqrt(0.175 * 0.825 * 0.01) = 0.0380, z = 0.10 / 0.0380 = 2.63.
        TwoProportionTest.Result result = TwoProportionTest.test(45, 200, 25, 200);

        assertThat(result.difference()).isCloseTo(0.10, within(1e-12));
        assertThat(result.z()).isCloseTo(2.632, within(1e-3));
        assertThat(result.p()).isCloseTo(0.0085, within(2e-4));
        assertThat(result.approximate()).isFalse();
    }

    @Test
    void equalSharesAndTinyOrEmptySamplesAreNoFinding() {
        assertThat(TwoProportionTest.test(10, 100, 20, 200).p()).isCloseTo(1, within(1e-9));
        assertThat(TwoProportionTest.test(0, 50, 0, 80).p()).isEqualTo(1);
        assertThat(TwoProportionTest.test(2, 3, 0, 4).approximate()).isTrue();
        assertThat(TwoProportionTest.test(1, 0, 1, 10).p()).isEqualTo(1);
    }

    @Test
    void qValuesFollowBenjaminiHochberg() {
        // Sorted p 0.01, 0.02, 0.03, 0.5 with m = 4: p * m / rank = 0.04, 0.04, 0.04, 0.5, kept monotone.
        double[] q = FalseDiscovery.qValues(new double[] {0.5, 0.02, 0.01, 0.03});

        assertThat(q).containsExactly(new double[] {0.5, 0.04, 0.04, 0.04}, within(1e-12));
    }
}
