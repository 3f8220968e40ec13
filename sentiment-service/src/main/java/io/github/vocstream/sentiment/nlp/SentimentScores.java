package io.github.vocstream.sentiment.nlp;

import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import java.util.List;

/** Turns CoreNLP's class probabilities into scores in [-1, 1], and sentence scores into a document verdict. */
public final class SentimentScores {

    /** The value of each of CoreNLP's five classes, very negative to very positive. */
    private static final double[] CLASS_VALUES = {-1.0, -0.5, 0.0, 0.5, 1.0};

    private SentimentScores() {
    }

    /** The expected class value: unlike the arg-max class it shows how sure the model is. */
    public static double sentenceScore(List<Double> probabilities) {
        if (probabilities.size() != CLASS_VALUES.length) {
            throw new IllegalArgumentException("expected 5 class probabilities, got " + probabilities.size());
        }
        double score = 0;
        for (int i = 0; i < CLASS_VALUES.length; i++) {
            score += probabilities.get(i) * CLASS_VALUES[i];
        }
        return score;
    }

    /**
     * The mean of the sentence scores weighted by sentence length, so that a long complaint outweighs a short
     * "Thanks."; labelled neutral within {@code neutralBand} of zero. No sentences means neutral.
     */
    public static DocumentSentiment document(List<SentenceSentiment> sentences, double neutralBand) {
        double weighted = 0;
        double weights = 0;
        for (SentenceSentiment sentence : sentences) {
            double weight = Math.max(1, sentence.end() - sentence.begin());
            weighted += weight * sentence.score();
            weights += weight;
        }
        double score = weights == 0 ? 0 : weighted / weights;
        return new DocumentSentiment(label(score, neutralBand), score);
    }

    static SentimentLabel label(double score, double neutralBand) {
        if (score <= -neutralBand) {
            return SentimentLabel.NEGATIVE;
        }
        return score >= neutralBand ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }
}
