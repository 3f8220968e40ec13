package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.SentenceSentiment;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CoreNLP pipeline of the service (tokenize, ssplit, pos, lemma, parse, sentiment), built and warmed at
 * start-up. {@link StanfordCoreNLP#annotate(Annotation)} is safe to call from several threads at once.
 * No CoreNLP type leaves this package.
 */
@Context
@Singleton
public class SentimentPipeline implements SentimentAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(SentimentPipeline.class);

    private final StanfordCoreNLP pipeline;
    private final double neutralBand;

    public SentimentPipeline(SentimentConfiguration configuration) {
        long start = System.nanoTime();
        this.pipeline = new StanfordCoreNLP(properties(configuration));
        this.neutralBand = configuration.neutralBand();
        analyze("The pipeline is warm and ready.");
        LOG.info("CoreNLP pipeline ready in {} ms (parser {})", (System.nanoTime() - start) / 1_000_000,
                configuration.parserModel());
    }

    static Properties properties(SentimentConfiguration configuration) {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,parse,sentiment");
        properties.setProperty("parse.model", configuration.parserModel());
        properties.setProperty("parse.maxlen", Integer.toString(configuration.maxSentenceTokens()));
        properties.setProperty("parse.maxtime", Long.toString(configuration.documentTimeout().toMillis()));
        // The sentiment model reads binarized trees.
        properties.setProperty("parse.binaryTrees", "true");
        properties.setProperty("tokenize.language", "en");
        return properties;
    }

    /**
     * The sentiment of each sentence of {@code text} and of the whole. The model reads the text after
     * {@link TextCleaner}; sentence spans point into {@code text} as given.
     */
    @Override
    public TextSentiment analyze(String text) {
        CleanedText cleaned = TextCleaner.clean(text);
        Annotation document = new Annotation(cleaned.text());
        pipeline.annotate(document);
        List<SentenceSentiment> sentences = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            // Sentences over parse.maxlen get a flat tree that the model still scores; one with no tree at all is left out.
            if (tree == null || RNNCoreAnnotations.getPredictions(tree) == null) {
                continue;
            }
            List<Double> probabilities = probabilities(RNNCoreAnnotations.getPredictions(tree));
            int[] span = cleaned.originalSpan(sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            sentences.add(new SentenceSentiment(
                    span[0],
                    span[1],
                    RNNCoreAnnotations.getPredictedClass(tree),
                    probabilities,
                    SentimentScores.sentenceScore(probabilities)));
        }
        return new TextSentiment(sentences, SentimentScores.document(sentences, neutralBand));
    }

    private static List<Double> probabilities(SimpleMatrix predictions) {
        List<Double> probabilities = new ArrayList<>(predictions.getNumElements());
        for (int i = 0; i < predictions.getNumElements(); i++) {
            probabilities.add(predictions.get(i));
        }
        return probabilities;
    }
}
