package io.github.vocstream.sentiment.training;

import io.github.vocstream.common.event.SentimentLabel;

/** One text of a labelled corpus: which corpus, its line or id there, the text and the label people gave it. */
public record LabelledText(String corpus, String id, String text, SentimentLabel label) {
}
