package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Verdicts from CoreNLP's own sentiment model (the recursive neural tensor network, trained on movie reviews), which
 * scores every constituent of a binarized parse: the score is the expected class value, a sentence's label that of
 * its most probable class, and a part's or document's label the side of the neutral band its score falls on.
 */
final class TreeScorer implements SentenceScorer {

    static final String MODEL_ID = "corenlp-sentiment-rntn";

    private final double neutralBand;

    TreeScorer(double neutralBand) {
        this.neutralBand = neutralBand;
    }

    @Override
    public String modelId() {
        return MODEL_ID + "@band-" + neutralBand;
    }

    @Override
    public String annotators() {
        return "parse,sentiment";
    }

    @Override
    public Tree tree(CoreMap sentence) {
        return sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    }

    @Override
    public boolean judges(Tree node) {
        return RNNCoreAnnotations.getPredictions(node) != null;
    }

    @Override
    public SentenceVerdict sentence(CoreMap sentence, List<String> words) {
        Tree tree = tree(sentence);
        // A sentence the parser gave no tree (it ran out of parse.maxtime) is left out.
        if (tree == null || !judges(tree)) {
            return null;
        }
        List<Double> probabilities = probabilities(RNNCoreAnnotations.getPredictions(tree));
        int sentimentClass = RNNCoreAnnotations.getPredictedClass(tree);
        return new SentenceVerdict(sentimentClass, probabilities,
                new Verdict(SentenceSentiment.labelOf(sentimentClass), SentimentScores.sentenceScore(probabilities), null));
    }

    @Override
    public Verdict part(Tree node, List<String> words) {
        double score = SentimentScores.sentenceScore(probabilities(RNNCoreAnnotations.getPredictions(node)));
        return new Verdict(SentimentScores.label(score, neutralBand), score, null);
    }

    @Override
    public DocumentSentiment document(List<String> words, List<SentenceSentiment> sentences) {
        return SentimentScores.document(sentences, neutralBand);
    }

    private static List<Double> probabilities(SimpleMatrix predictions) {
        List<Double> probabilities = new ArrayList<>(predictions.getNumElements());
        for (int i = 0; i < predictions.getNumElements(); i++) {
            probabilities.add(predictions.get(i));
        }
        return probabilities;
    }
}
