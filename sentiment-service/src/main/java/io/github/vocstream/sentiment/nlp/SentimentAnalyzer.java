package io.github.vocstream.sentiment.nlp;

/** Finds the sentiment of a text; {@link SentimentPipeline} is the real one. */
public interface SentimentAnalyzer {

    /** The sentiment of each sentence, theme and the whole of a text in a language the model reads. */
    TextSentiment analyze(String text);

    /** Whether the model reads {@code language} (a lower-case ISO 639-1 code). */
    boolean reads(String language);

    /**
     * The sentences of a text in a language the model does not read, with the themes that language's terms find in
     * them, and no sentiment anywhere: nobody read it, so nothing may count as a verdict.
     */
    TextSentiment withoutScores(String text, String language);
}
