package io.github.vocstream.sentiment.nlp;

import io.github.vocstream.common.event.SentimentLabel;

/**
 * A verdict on some text: its label, a score in [-1, 1], and the probability the model gives the label (null where
 * a band around the score, or a theme's tone, decided the label).
 */
record Verdict(SentimentLabel label, double score, Double probability) {

    /** How far a theme's tone pushes its mentions: CoreNLP's "negative" and "positive" classes. */
    static final double TONE_SCORE = 0.5;

    /**
     * A mention of a theme with a tone is at least that negative (or positive): "my parcel never arrived" is a
     * complaint though it may have no evaluative word for a model to read. Where the tone overrules the model, the
     * verdict carries no probability, because the taxonomy decided it.
     */
    Verdict withTone(SentimentLabel tone) {
        if (tone == SentimentLabel.NEGATIVE && (label != tone || score > -TONE_SCORE)) {
            return new Verdict(tone, Math.min(score, -TONE_SCORE), label == tone ? probability : null);
        }
        if (tone == SentimentLabel.POSITIVE && (label != tone || score < TONE_SCORE)) {
            return new Verdict(tone, Math.max(score, TONE_SCORE), label == tone ? probability : null);
        }
        return this;
    }
}
