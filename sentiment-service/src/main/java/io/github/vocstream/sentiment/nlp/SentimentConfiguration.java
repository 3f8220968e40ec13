package io.github.vocstream.sentiment.nlp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code voc.sentiment.*}: how the CoreNLP pipeline is built and how its results become labels.
 *
 * @param model              which model gives the verdicts: {@code linear}, the shipped three-class model, or
 *                           {@code corenlp}, CoreNLP's sentiment tree (the verdicts of versions before it)
 * @param threads            documents of a poll annotated at once; the cores are the limit
 * @param parserModel        the constituency parser model; shift-reduce is several times faster than PCFG
 * @param maxSentenceTokens  longer sentences are cut into parts of at most this many tokens before parsing: parse
 *                           time grows steeply with length
 * @param documentTimeout    a document taking longer goes to the dead-letter topic instead of stalling its partition
 * @param neutralBand        with {@code corenlp}, document and part scores within plus or minus this band are
 *                           labelled neutral; with either, a theme whose mentions disagree in one item is labelled so
 */
@ConfigurationProperties("voc.sentiment")
public record SentimentConfiguration(
        @Bindable(defaultValue = LINEAR_MODEL) String model,
        @Bindable(defaultValue = DEFAULT_THREADS) int threads,
        @Bindable(defaultValue = DEFAULT_PARSER_MODEL) String parserModel,
        @Bindable(defaultValue = DEFAULT_MAX_SENTENCE_TOKENS) int maxSentenceTokens,
        @Bindable(defaultValue = DEFAULT_DOCUMENT_TIMEOUT) Duration documentTimeout,
        @Bindable(defaultValue = DEFAULT_NEUTRAL_BAND) double neutralBand) {

    public static final String LINEAR_MODEL = "linear";
    public static final String CORENLP_MODEL = "corenlp";
    static final String DEFAULT_THREADS = "2";
    static final String DEFAULT_PARSER_MODEL = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
    static final String DEFAULT_MAX_SENTENCE_TOKENS = "100";
    static final String DEFAULT_DOCUMENT_TIMEOUT = "30s";
    static final String DEFAULT_NEUTRAL_BAND = "0.1";

    /** The same configuration with another model. */
    public SentimentConfiguration withModel(String otherModel) {
        return new SentimentConfiguration(otherModel, threads, parserModel, maxSentenceTokens, documentTimeout, neutralBand);
    }

    /** The configuration the service runs with when nothing is set, for programs that build a pipeline themselves. */
    public static SentimentConfiguration defaults() {
        return new SentimentConfiguration(LINEAR_MODEL, Integer.parseInt(DEFAULT_THREADS), DEFAULT_PARSER_MODEL,
                Integer.parseInt(DEFAULT_MAX_SENTENCE_TOKENS), Duration.parse("PT" + DEFAULT_DOCUMENT_TIMEOUT), Double.parseDouble(DEFAULT_NEUTRAL_BAND));
    }
}
