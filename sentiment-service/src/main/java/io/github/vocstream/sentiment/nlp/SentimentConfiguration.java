package io.github.vocstream.sentiment.nlp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code voc.sentiment.*}: how the CoreNLP pipeline is built and how its results become labels.
 *
 * @param threads            documents annotated at once (one consumer thread each); the cores are the limit
 * @param parserModel        the constituency parser model; shift-reduce is several times faster than PCFG
 * @param maxSentenceTokens  longer sentences are not parsed (CoreNLP's parse.maxlen): parse time grows steeply
 * @param documentTimeout    a document taking longer goes to the dead-letter topic instead of stalling its partition
 * @param neutralBand        document scores within plus or minus this band are labelled neutral
 */
@ConfigurationProperties("voc.sentiment")
public record SentimentConfiguration(
        @Bindable(defaultValue = "2") int threads,
        @Bindable(defaultValue = "edu/stanford/nlp/models/srparser/englishSR.ser.gz") String parserModel,
        @Bindable(defaultValue = "100") int maxSentenceTokens,
        @Bindable(defaultValue = "30s") Duration documentTimeout,
        @Bindable(defaultValue = "0.1") double neutralBand) {
}
