package io.github.vocstream.sentiment.nlp;

import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.ThemeSentiment;
import java.util.List;

/**
 * What the pipeline found in one text: each sentence's sentiment, each theme's, the verdict for the whole, and the
 * id of the model that gave the verdicts.
 */
public record TextSentiment(List<SentenceSentiment> sentences, DocumentSentiment document, List<ThemeSentiment> themes,
                            String model) {

    public TextSentiment {
        sentences = List.copyOf(sentences);
        themes = List.copyOf(themes);
    }
}
