package io.github.vocstream.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeldBackSplitTest {

    @Test
    void aRetweetOrARepeatLandsOnTheSameSideAsItsOriginal() {
        String original = "Still waiting for my refund, day 9.";

        for (String copy : new String[] {"RT @shop: still waiting for my refund day 9", "Still waiting for my refund - day 9!! https://t.co/x"}) {
            assertThat(HeldBackSplit.isHeldBack(copy)).isEqualTo(HeldBackSplit.isHeldBack(original));
        }
    }

    @Test
    void aboutAFifthIsHeldBack() {
        long heldBack = IntStream.range(0, 10_000).filter(i -> HeldBackSplit.isHeldBack("text number " + i)).count();

        assertThat(heldBack).isBetween(1_800L, 2_200L);
    }
}
