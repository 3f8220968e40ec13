package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.DocumentSentiment;
import io.github.vocstream.common.event.SentenceSentiment;
import java.util.List;

/**
 * Where verdicts come from: a sentiment model judging sentences, the part of a sentence about one theme (a
 * constituent of the sentence's parse tree) and whole documents. {@link LinearScorer} is the default,
 * {@link TreeScorer} CoreNLP's own sentiment model.
 */
interface SentenceScorer {

    /** The id every annotation made with this scorer carries. */
    String modelId();

    /** The CoreNLP annotators this scorer needs after tokenize, ssplit, pos and lemma. */
    String annotators();

    /** The tree whose constituents are a sentence's parts, or null when the parser gave none. */
    Tree tree(CoreMap sentence);

    /** Whether a constituent of {@link #tree} can be judged. */
    boolean judges(Tree node);

    /** The verdict on one sentence, or null when this scorer cannot judge it. */
    SentenceVerdict sentence(CoreMap sentence, List<String> words);

    /** The verdict on the constituent {@code node}, whose words are {@code words}. */
    Verdict part(Tree node, List<String> words);

    /** The verdict on a document, given all its words and its judged sentences. */
    DocumentSentiment document(List<String> words, List<SentenceSentiment> sentences);

    /** A sentence's class on the five-point scale, the model's class probabilities and its verdict. */
    record SentenceVerdict(int sentimentClass, List<Double> probabilities, Verdict verdict) {
    }
}
