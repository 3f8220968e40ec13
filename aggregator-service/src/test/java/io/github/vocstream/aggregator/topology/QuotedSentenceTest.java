package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
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

    /** A sentence with nothing to tidy is quoted as it is: the same quote and marks as tidying it would give. */
    @Property(tries = 3_000)
    void quotingAsItIsGivesWhatTidyingGives(@ForAll("texts") String text, @ForAll @IntRange(max = 16) int a,
                                            @ForAll @IntRange(max = 16) int b, @ForAll @IntRange(min = 1, max = 12) int maxLength,
                                            @ForAll @Size(max = 3) List<@IntRange(min = -2, max = 18) Integer> starts,
                                            @ForAll @IntRange(min = 0, max = 5) int spanLength) {
        int begin = Math.min(Math.min(a, b), text.length());
        int end = Math.min(Math.max(a, b), text.length());
        List<int[]> spans = starts.stream().map(start -> new int[] {start, start + spanLength}).toList();

        assertThat(QuotedSentence.of(text, begin, end, maxLength, spans))
                .isEqualTo(QuotedSentence.tidied(text, begin, end, maxLength, spans));
    }

    /** Short texts of letters and single spaces mostly, with tabs, line breaks, double and non-breaking spaces now and then. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().withChars("ab é").ofMaxLength(16)),
                Tuple.of(2, Arbitraries.strings().withChars("ab \t\n\u00a0").ofMaxLength(16)));
    }
}
