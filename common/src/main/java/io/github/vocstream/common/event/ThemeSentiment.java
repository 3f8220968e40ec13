package io.github.vocstream.common.event;

/**
 * How one piece of feedback feels about one theme: the mean score of its mentions, including those of the theme's
 * children (a mention of {@code delivery/late} counts for {@code delivery} too), and the label of that score; in a
 * text that was not scored, the label is null and the score 0.
 */
public record ThemeSentiment(String theme, int mentions, SentimentLabel label, double score) {
}
