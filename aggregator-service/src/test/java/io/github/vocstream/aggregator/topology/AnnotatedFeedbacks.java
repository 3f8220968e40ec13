package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.alert.SimulatedMentions;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.common.event.ThemeSentiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Annotated feedback as the sentiment service would publish it, for feeding the aggregator in tests. */
public final class AnnotatedFeedbacks {

    private AnnotatedFeedbacks() {
    }

    /** Feedback written at {@code occurredAt}, received a second later, with one sentence and no themes. */
    public static AnnotatedFeedback feedback(String externalId, Instant occurredAt, SentimentLabel label, double score,
                                      Map<String, String> segments) {
        return annotated(event(externalId, "text of " + externalId, occurredAt, segments), label, score, List.of(), List.of());
    }

    /**
     * Feedback whose one sentence mentions {@code theme} with the given sentiment; the document has the same. The text
     * is "About <theme>: <externalId>.", and {@code candidates} are its candidate terms.
     */
    public static AnnotatedFeedback aboutTheme(String externalId, Instant occurredAt, String theme, SentimentLabel label,
                                               double score, Map<String, String> segments, String... candidates) {
        String text = "About " + theme + ": " + externalId + ".";
        var mention = new ThemeMention(theme, 6, 6 + theme.length(), label, score);
        var sentence = new SentenceSentiment(0, text.length(), label == SentimentLabel.NEGATIVE ? 1 : 3,
                List.of(0.2, 0.2, 0.2, 0.2, 0.2), score, List.of(mention), List.of(candidates));
        List<ThemeSentiment> verdicts = ThemePath.selfAndAncestors(theme).stream()
                .map(id -> new ThemeSentiment(id, 1, label, score)).toList();
        return annotated(event(externalId, text, occurredAt, segments), label, score, List.of(sentence), verdicts);
    }

    /** Negative mentions of {@code theme} in {@code team}, at a Poisson rate of {@code perHour} between two event times. */
    public static List<AnnotatedFeedback> negativeMentions(Random random, String team, String theme, Instant from, Instant to,
                                                           double perHour) {
        List<AnnotatedFeedback> feedback = new ArrayList<>();
        for (Instant at : SimulatedMentions.arrivals(random, from, to, perHour)) {
            feedback.add(aboutTheme(team + "-" + theme.replace('/', '-') + "-" + at.toEpochMilli() + "-" + feedback.size(), at, theme,
                    SentimentLabel.NEGATIVE, -0.7, Map.of("team", team)));
        }
        return feedback;
    }

    /** {@code feedback} as if ingest had received it at {@code receivedAt}, e.g. late. */
    public static AnnotatedFeedback receivedAt(AnnotatedFeedback feedback, Instant receivedAt) {
        FeedbackEvent event = feedback.feedback();
        FeedbackEvent received = new FeedbackEvent(event.schemaVersion(), event.id(), event.source(), event.externalId(),
                event.channel(), event.text(), event.title(), event.language(), event.rating(), event.author(),
                event.occurredAt(), receivedAt, event.segments(), event.tags());
        return new AnnotatedFeedback(feedback.schemaVersion(), received, feedback.document(), feedback.sentences(),
                feedback.themes(), receivedAt.plusSeconds(1), feedback.model(), feedback.language());
    }

    /** {@code feedback} with {@code rating} (null for none) from its source, a review site ({@code trustpilot}). */
    public static AnnotatedFeedback rated(AnnotatedFeedback feedback, Integer rating) {
        FeedbackEvent event = feedback.feedback();
        FeedbackEvent rated = new FeedbackEvent(event.schemaVersion(), event.id(), event.source(), event.externalId(),
                event.channel(), event.text(), event.title(), event.language(), rating, event.author(),
                event.occurredAt(), event.receivedAt(), event.segments(), event.tags());
        return new AnnotatedFeedback(feedback.schemaVersion(), rated, feedback.document(), feedback.sentences(),
                feedback.themes(), feedback.annotatedAt(), feedback.model(), feedback.language());
    }

    /** {@code feedback} by the author whose hash (as ingest writes it) is {@code author}. */
    public static AnnotatedFeedback byAuthor(AnnotatedFeedback feedback, String author) {
        return new AnnotatedFeedback(feedback.schemaVersion(), feedback.feedback().withAuthor(author), feedback.document(),
                feedback.sentences(), feedback.themes(), feedback.annotatedAt(), feedback.model(), feedback.language());
    }

    /** {@code feedback} as read in {@code language} and scored. */
    public static AnnotatedFeedback inLanguage(AnnotatedFeedback feedback, String language) {
        return new AnnotatedFeedback(feedback.schemaVersion(), feedback.feedback(), feedback.document(), feedback.sentences(),
                feedback.themes(), feedback.annotatedAt(), feedback.model(), new TextLanguage(language, language, null));
    }

    /**
     * {@code feedback} as the sentiment service annotates text in {@code language}, which its model does not read: the
     * same sentences and theme mentions, without any verdict.
     */
    public static AnnotatedFeedback unscored(AnnotatedFeedback feedback, String language) {
        List<SentenceSentiment> sentences = feedback.sentences().stream()
                .map(sentence -> SentenceSentiment.unscored(sentence.begin(), sentence.end(), sentence.themes().stream()
                        .map(mention -> new ThemeMention(mention.theme(), mention.begin(), mention.end(), null, 0)).toList()))
                .toList();
        List<ThemeSentiment> themes = feedback.themes().stream()
                .map(theme -> new ThemeSentiment(theme.theme(), theme.mentions(), null, 0)).toList();
        return new AnnotatedFeedback(feedback.schemaVersion(), feedback.feedback(), null, sentences, themes,
                feedback.annotatedAt(), null, new TextLanguage(language, language, null));
    }

    private static FeedbackEvent event(String externalId, String text, Instant occurredAt, Map<String, String> segments) {
        var review = FeedbackEvents.review(externalId, text, segments);
        Instant received = occurredAt.plusSeconds(1);
        return new FeedbackEvent(review.schemaVersion(), review.id(), review.source(), review.externalId(),
                review.channel(), text, null, null, null, null, occurredAt, received, segments, List.of());
    }

    private static AnnotatedFeedback annotated(FeedbackEvent event, SentimentLabel label, double score,
                                               List<SentenceSentiment> sentences, List<ThemeSentiment> themes) {
        return new AnnotatedFeedback(AnnotatedFeedback.SCHEMA_VERSION, event, new DocumentSentiment(label, score),
                sentences, themes, event.receivedAt().plusSeconds(1));
    }
}
