package io.github.vocstream.sentiment.nlp;

import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import java.util.List;

/** What the pipeline found in one text: each sentence's sentiment and the verdict for the whole. */
public record TextSentiment(List<SentenceSentiment> sentences, DocumentSentiment document) {

    public TextSentiment {
        sentences = List.copyOf(sentences);
    }
}
