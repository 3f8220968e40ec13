package io.github.vocstream.benchmarks;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.SentimentLabel;
import java.util.Properties;

/**
 * CoreNLP's sentiment pipeline as its documentation sets it up (tokenize, ssplit, pos, parse with the default PCFG
 * model, sentiment), the baseline we must beat. CoreNLP labels sentences only; a document here gets the mean of
 * its sentence classes, below 2 negative, above 2 positive.
 */
public final class StockPipeline {

    private final StanfordCoreNLP pipeline;

    public StockPipeline() {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        this.pipeline = new StanfordCoreNLP(properties);
    }

    public SentimentLabel label(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        double classes = 0;
        int sentences = 0;
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tree != null) {
                classes += RNNCoreAnnotations.getPredictedClass(tree);
                sentences++;
            }
        }
        double mean = sentences == 0 ? 2 : classes / sentences;
        if (mean < 2) {
            return SentimentLabel.NEGATIVE;
        }
        return mean > 2 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }
}
