package io.github.vocstream.common.event;

import java.util.List;

/**
 * The sentiment of one sentence: its character span in the feedback text, CoreNLP's class (0 very negative .. 4
 * very positive), the five class probabilities, a score in [-1, 1], the themes it mentions, and the noun phrases
 * that matched no theme (candidates for themes nobody configured yet, as lower-case lemmas).
 */
public record SentenceSentiment(int begin, int end, int sentimentClass, List<Double> probabilities, double score,
                                List<ThemeMention> themes, List<String> candidateTerms) {

    public SentenceSentiment {
        probabilities = List.copyOf(probabilities);
        // Records written before themes existed have neither list.
        themes = themes == null ? List.of() : List.copyOf(themes);
        candidateTerms = candidateTerms == null ? List.of() : List.copyOf(candidateTerms);
    }
}
