package io.github.vocstream.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The sentiment of one sentence: its character span in the feedback text, its class on CoreNLP's five-point scale
 * (0 very negative .. 4 very positive; the three-class model writes 1, 2 or 3), the model's class probabilities from
 * most negative to most positive (five for CoreNLP's sentiment tree, three for the linear model), a score in [-1, 1],
 * the themes it mentions, the noun phrases that matched no theme (candidates for themes nobody configured yet, as
 * lower-case lemmas), and its label. Records written before the label existed read with the label of their class.
 * A sentence in a language the model cannot read has no probabilities and no label ({@link #unscored}).
 */
public record SentenceSentiment(int begin, int end, int sentimentClass, List<Double> probabilities, double score,
                                List<ThemeMention> themes, List<String> candidateTerms, SentimentLabel label) {

    public SentenceSentiment {
        probabilities = List.copyOf(probabilities);
        // Records written before themes existed have neither list.
        themes = themes == null ? List.of() : List.copyOf(themes);
        candidateTerms = candidateTerms == null ? List.of() : List.copyOf(candidateTerms);
        if (label == null && !probabilities.isEmpty()) {
            label = labelOf(sentimentClass);
        }
    }

    /** A sentence whose label is that of its class. */
    public SentenceSentiment(int begin, int end, int sentimentClass, List<Double> probabilities, double score,
                             List<ThemeMention> themes, List<String> candidateTerms) {
        this(begin, end, sentimentClass, probabilities, score, themes, candidateTerms, null);
    }

    /** A sentence that was not scored: its span and its theme mentions (which have no sentiment either). */
    public static SentenceSentiment unscored(int begin, int end, List<ThemeMention> themes) {
        return new SentenceSentiment(begin, end, 2, List.of(), 0, themes, List.of(), null);
    }

    /** False for a sentence in a language the model cannot read. */
    @JsonIgnore
    public boolean isScored() {
        return label != null;
    }

    /** The label of a class on the five-point scale: below the middle negative, above it positive. */
    public static SentimentLabel labelOf(int sentimentClass) {
        return sentimentClass < 2 ? SentimentLabel.NEGATIVE : sentimentClass > 2 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }
}
