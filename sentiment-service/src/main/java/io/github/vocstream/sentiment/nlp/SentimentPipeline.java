package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.support.theme.Taxonomy;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CoreNLP pipeline of the service (tokenize, ssplit, pos, lemma, parse, sentiment), built and warmed at
 * start-up, with the theme taxonomy compiled against its tokenizer. {@link StanfordCoreNLP#annotate(Annotation)} is
 * safe to call from several threads at once. No CoreNLP type leaves this package.
 */
@Context
@Singleton
public class SentimentPipeline implements SentimentAnalyzer {

    static final String LANGUAGE = "en";

    private static final Logger LOG = LoggerFactory.getLogger(SentimentPipeline.class);

    private final StanfordCoreNLP pipeline;
    private final ThemeMatcher themes;
    private final double neutralBand;

    public SentimentPipeline(SentimentConfiguration configuration, Taxonomy taxonomy) {
        long start = System.nanoTime();
        this.pipeline = new StanfordCoreNLP(properties(configuration));
        this.themes = new ThemeMatcher(taxonomy, new TermTokenizer());
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
        properties.setProperty("tokenize.language", LANGUAGE);
        return properties;
    }

    /**
     * The sentiment of each sentence of {@code text}, of each theme it mentions and of the whole. The model reads
     * the text after {@link TextCleaner}; all spans point into {@code text} as given.
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
            double score = SentimentScores.sentenceScore(probabilities);
            int[] span = cleaned.originalSpan(sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            List<Token> tokens = labels.stream().map(label -> Token.of(label.word(), label.lemma(), label.tag())).toList();
            List<ThemeMatcher.Match> matches = themes.find(tokens);
            sentences.add(new SentenceSentiment(span[0], span[1], RNNCoreAnnotations.getPredictedClass(tree),
                    probabilities, score, mentions(matches, labels, tree, score, cleaned),
                    CandidateTerms.of(tokens, covered(matches, tokens.size()))));
        }
        return new TextSentiment(sentences, SentimentScores.document(sentences, neutralBand),
                SentimentScores.themes(sentences, neutralBand));
    }

    private List<ThemeMention> mentions(List<ThemeMatcher.Match> matches, List<CoreLabel> labels, Tree tree,
                                        double sentenceScore, CleanedText cleaned) {
        AspectSentiment aspects = new AspectSentiment(tree);
        BitSet predicates = new BitSet(labels.size());
        BitSet nouns = new BitSet(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            String tag = labels.get(i).tag() == null ? "" : labels.get(i).tag();
            predicates.set(i, tag.startsWith("VB") || tag.startsWith("JJ"));
            nouns.set(i, tag.startsWith("NN"));
        }
        List<ThemeMention> mentions = new ArrayList<>(matches.size());
        for (ThemeMatcher.Match match : matches) {
            // Other themes named by a noun mark where this theme's part ends; an adjective-only mention ("slow",
            // "rude") describes something else in the sentence, so it belongs to that thing's part.
            BitSet others = new BitSet(labels.size());
            matches.stream()
                    .filter(other -> !ThemePath.related(other.theme(), match.theme()))
                    .filter(other -> hasNoun(nouns, other))
                    .forEach(other -> others.set(other.from(), other.to()));
            // A sentence about one theme (and its family) says all of it about that theme.
            double score = sentenceScore;
            if (!others.isEmpty() && aspects.covers(labels.size())) {
                score = SentimentScores.sentenceScore(aspects.probabilities(match.from(), match.to(), others, predicates));
            }
            score = SentimentScores.withTone(score, themes.toneOf(match.theme()));
            int[] span = cleaned.originalSpan(labels.get(match.from()).beginPosition(), labels.get(match.to() - 1).endPosition());
            mentions.add(new ThemeMention(match.theme(), span[0], span[1], SentimentScores.label(score, neutralBand), score));
        }
        return mentions;
    }

    private static boolean hasNoun(BitSet nouns, ThemeMatcher.Match match) {
        int next = nouns.nextSetBit(match.from());
        return next >= 0 && next < match.to();
    }

    private static boolean[] covered(List<ThemeMatcher.Match> matches, int tokens) {
        boolean[] covered = new boolean[tokens];
        for (ThemeMatcher.Match match : matches) {
            for (int i = match.from(); i < match.to(); i++) {
                covered[i] = true;
            }
        }
        return covered;
    }

    static List<Double> probabilities(SimpleMatrix predictions) {
        List<Double> probabilities = new ArrayList<>(predictions.getNumElements());
        for (int i = 0; i < predictions.getNumElements(); i++) {
            probabilities.add(predictions.get(i));
        }
        return probabilities;
    }
}
