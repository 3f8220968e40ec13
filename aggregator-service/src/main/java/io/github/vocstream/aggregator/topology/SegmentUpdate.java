package io.github.vocstream.aggregator.topology;

import io.github.vocstream.aggregator.rating.Rating;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.common.event.ThemeSentiment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one piece of feedback adds to each of its segments: its verdict, its verdict per theme, the sentence that
 * best shows each theme, and its candidate terms with a sentence each. It crosses the repartition topic once per
 * segment, so it carries sentences, not the whole text. A retraction is the same update marked {@code retracted}:
 * it takes back from each segment exactly what the update added.
 *
 * @param label      its verdict; null when it was not scored (a language the model does not read)
 * @param rating     its rating on its source's scale, null when it has none a score can use ({@link RatingScales})
 * @param language   the language it was read in, null when annotated before languages were detected
 * @param occurredAt the event time: when the customer wrote it, never later than when it was received
 * @param retracted  true when the feedback was withdrawn at its source (a deleted post) and leaves the aggregates
 */
public record SegmentUpdate(String feedbackId, Instant occurredAt, Instant receivedAt, SentimentLabel label, double score,
                            Rating rating, List<ThemeSentiment> themes, Map<String, Evidence> evidence,
                            Map<String, Evidence> candidates, boolean retracted, String language) {

    static final int MAX_SENTENCE_LENGTH = 300;

    public SegmentUpdate {
        themes = themes == null ? List.of() : List.copyOf(themes);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        candidates = candidates == null ? Map.of() : Map.copyOf(candidates);
    }

    public static SegmentUpdate of(AnnotatedFeedback annotated, RatingScales scales) {
        var feedback = annotated.feedback();
        Instant occurredAt = feedback.occurredAt() == null || feedback.occurredAt().isAfter(feedback.receivedAt())
                ? feedback.receivedAt() : feedback.occurredAt();
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        Map<String, Evidence> candidates = new LinkedHashMap<>();
        for (SentenceSentiment sentence : annotated.sentences()) {
            for (ThemeMention mention : sentence.themes()) {
                QuotedSentence quoted = QuotedSentence.of(feedback.text(), sentence.begin(), sentence.end(), MAX_SENTENCE_LENGTH,
                        List.of(new int[] {mention.begin(), mention.end()}));
                Evidence shown = new Evidence(feedback.id(), occurredAt, quoted.text(), mention.label(), mention.score(),
                        quoted.highlights());
                // Per theme, the sentence that speaks most strongly about it; a child's sentence also shows its parents.
                for (String theme : ThemePath.selfAndAncestors(mention.theme())) {
                    evidence.merge(theme, shown, (known, other) -> Math.abs(other.score()) > Math.abs(known.score()) ? other : known);
                }
            }
            // Quoted only for a sentence that says a term: quoting is a pass over its characters, wasted on one without.
            String text = sentence.candidateTerms().isEmpty() ? null : sentenceText(feedback.text(), sentence);
            for (String term : sentence.candidateTerms()) {
                candidates.putIfAbsent(term, new Evidence(feedback.id(), occurredAt, text, sentence.label(), sentence.score()));
            }
        }
        return new SegmentUpdate(feedback.id(), occurredAt, feedback.receivedAt(),
                annotated.isScored() ? annotated.document().label() : null, annotated.isScored() ? annotated.document().score() : 0,
                scales.of(feedback).orElse(null), annotated.themes(), evidence, candidates, false,
                annotated.language() == null ? null : annotated.language().tag());
    }

    /**
     * This update as a retraction, which takes back what it added. It carries no sentences: the stores remove those
     * by feedback id, so neither the retraction nor what is kept to send it later holds the customer's words.
     */
    public SegmentUpdate retraction() {
        Map<String, Evidence> terms = new LinkedHashMap<>();
        candidates.forEach((term, shown) -> terms.put(term, shown.withoutSentence()));
        return new SegmentUpdate(feedbackId, occurredAt, receivedAt, label, score, rating, themes, Map.of(), terms, true, language);
    }

    private static String sentenceText(String text, SentenceSentiment sentence) {
        return QuotedSentence.of(text, sentence.begin(), sentence.end(), MAX_SENTENCE_LENGTH, List.of()).text();
    }
}
