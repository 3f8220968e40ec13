package io.github.vocstream.sentiment.nlp;

/** Finds the sentiment of a text; {@link SentimentPipeline} is the real one. */
public interface SentimentAnalyzer {

    TextSentiment analyze(String text);
}
