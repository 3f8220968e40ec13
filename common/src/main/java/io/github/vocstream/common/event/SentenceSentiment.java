package io.github.vocstream.common.event;

import java.util.List;

/**
 * The sentiment of one sentence: its character span in the feedback text, CoreNLP's class
 * (0 very negative .. 4 very positive), the five class probabilities and a score in [-1, 1].
 */
public record SentenceSentiment(int begin, int end, int sentimentClass, List<Double> probabilities, double score) {

    public SentenceSentiment {
        probabilities = List.copyOf(probabilities);
    }
}
