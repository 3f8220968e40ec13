package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotedSentenceTest {

    @Test
    void theThemesWordsAreFoundAgainInTheTidiedSentence() {
        String text = "Hello.   The  parcel\n\t was   late. Bye.";
        int begin = text.indexOf("   The");
        int end = text.indexOf(" Bye");
        int parcel = text.indexOf("parcel");
        int wasLate = text.indexOf("was");

        QuotedSentence quoted = QuotedSentence.of(text, begin, end, 300,
                List.of(new int[] {parcel, parcel + 6}, new int[] {wasLate, text.indexOf(".", wasLate)}));

        assertThat(quoted.text()).isEqualTo("The parcel was late.");
        assertThat(quoted.highlights()).extracting(h -> quoted.text().substring(h.begin(), h.end()))
                .containsExactly("parcel", "was late");
    }

    @Test
    void wordsCutOffByTheLengthCapAreMarkedAsFarAsTheyShowOrNotAtAll() {
        String text = "a".repeat(20) + " refund " + "b".repeat(20);

        QuotedSentence quoted = QuotedSentence.of(text, 0, text.length(), 24,
                List.of(new int[] {21, 27}, new int[] {30, 35}, new int[] {-4, 2}));

        assertThat(quoted.text()).hasSize(24).endsWith("…");
        assertThat(quoted.highlights()).containsExactly(new Highlight(21, 23));
    }
}
