package io.github.vocstream.sentiment.nlp;

/**
 * Text prepared for the model, with the way back: for each character of {@code text}, where it came from in the
 * original, so that a span found in the cleaned text can be quoted from the original.
 */
public record CleanedText(String text, int[] originalStarts, int[] originalEnds) {

    /** The original span of the cleaned span {@code [begin, end)}. */
    public int[] originalSpan(int begin, int end) {
        if (begin >= end) {
            int at = begin < originalStarts.length ? originalStarts[begin] : originalEnds[originalEnds.length - 1];
            return new int[] {at, at};
        }
        return new int[] {originalStarts[begin], originalEnds[end - 1]};
    }
}
