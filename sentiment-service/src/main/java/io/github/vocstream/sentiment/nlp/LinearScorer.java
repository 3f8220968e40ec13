package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.sentiment.classifier.LinearSentimentModel;
import java.util.Arrays;
import java.util.List;

/**
 * Verdicts from the shipped three-class model ({@link LinearSentimentModel}): the label is the most probable class,
 * so neutral is a class of its own; the score is P(positive) − P(negative). A document is judged on all its words
 * at once, as the model was trained on whole posts and reviews.
 */
final class LinearScorer implements SentenceScorer {

    private final LinearSentimentModel model;

    LinearScorer(LinearSentimentModel model) {
        this.model = model;
    }

    @Override
    public String modelId() {
        return model.id();
    }

    @Override
    public String annotators() {
        return "parse";
    }

    @Override
    public Tree tree(CoreMap sentence) {
        return sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
    }

    @Override
    public boolean judges(Tree node) {
        return !node.isLeaf();
    }

    @Override
    public SentenceVerdict sentence(CoreMap sentence, List<String> words) {
        double[] probabilities = model.probabilities(words);
        Verdict verdict = verdict(probabilities);
        // On the five-point scale the three classes sit at 1, 2 and 3, so readers of the class see the same label.
        return new SentenceVerdict(verdict.label().ordinal() + 1, Arrays.stream(probabilities).boxed().toList(), verdict);
    }

    @Override
    public Verdict part(Tree node, List<String> words) {
        return verdict(model.probabilities(words));
    }

    @Override
    public DocumentSentiment document(List<String> words, List<SentenceSentiment> sentences) {
        Verdict verdict = verdict(model.probabilities(words));
        return new DocumentSentiment(verdict.label(), verdict.score(), verdict.probability());
    }

    private static Verdict verdict(double[] probabilities) {
        SentimentLabel label = LinearSentimentModel.mostProbable(probabilities);
        return new Verdict(label,
                probabilities[SentimentLabel.POSITIVE.ordinal()] - probabilities[SentimentLabel.NEGATIVE.ordinal()],
                probabilities[label.ordinal()]);
    }
}
