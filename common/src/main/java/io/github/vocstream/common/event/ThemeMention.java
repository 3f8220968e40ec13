package io.github.vocstream.common.event;

/**
 * A theme mentioned in a sentence: the most specific theme id, the character span of the words that mention it,
 * and the sentiment of the part of the sentence about it, which differs from the sentence's when the sentence
 * also speaks of another theme ("the staff were lovely but the refund took six weeks"). {@code probability} is the
 * probability the model gives the label; null where a band around the score or the theme's tone decided it. In a
 * text that was not scored, the label is null and the score 0.
 */
public record ThemeMention(String theme, int begin, int end, SentimentLabel label, double score, Double probability) {

    public ThemeMention(String theme, int begin, int end, SentimentLabel label, double score) {
        this(theme, begin, end, label, score, null);
    }
}
