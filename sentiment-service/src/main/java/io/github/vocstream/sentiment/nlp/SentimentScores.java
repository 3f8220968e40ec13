package io.github.vocstream.sentiment.nlp;

import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.common.event.ThemeSentiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns CoreNLP's class probabilities into scores in [-1, 1] and sentence scores into a document verdict (for
 * {@link TreeScorer}), and theme mentions into a verdict per theme (for every scorer).
 */
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

    /**
     * One verdict per theme the document mentions, in order of first mention, over its mentions and its children's,
     * so that "delivery" hears of every "delivery/late" too: the mean score, and the label all the mentions agree
     * on, or, where they disagree, the side of the neutral band the mean score falls on.
     */
    public static List<ThemeSentiment> themes(List<SentenceSentiment> sentences, double neutralBand) {
        Map<String, List<ThemeMention>> mentionsOf = new LinkedHashMap<>();
        for (SentenceSentiment sentence : sentences) {
            for (ThemeMention mention : sentence.themes()) {
                for (String theme : ThemePath.selfAndAncestors(mention.theme())) {
                    mentionsOf.computeIfAbsent(theme, key -> new ArrayList<>()).add(mention);
                }
            }
        }
        List<ThemeSentiment> themes = new ArrayList<>(mentionsOf.size());
        mentionsOf.forEach((theme, mentions) -> {
            double score = mentions.stream().mapToDouble(ThemeMention::score).average().orElse(0);
            SentimentLabel first = mentions.get(0).label();
            boolean agree = mentions.stream().allMatch(mention -> mention.label() == first);
            themes.add(new ThemeSentiment(theme, mentions.size(), agree ? first : label(score, neutralBand), score));
        });
        return themes;
    }

    static SentimentLabel label(double score, double neutralBand) {
        if (score <= -neutralBand) {
            return SentimentLabel.NEGATIVE;
        }
        return score >= neutralBand ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }
}
