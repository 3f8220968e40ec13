package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.sentiment.classifier.LinearSentimentModel;
import io.github.vocstream.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CoreNLP pipeline of the service (tokenize and ssplit, sentences cut at the parser's cap by
 * {@link SentenceChunks}, then pos, lemma, parse, and sentiment when CoreNLP's own model judges), built and warmed
 * at start-up, with the theme taxonomy compiled against its tokenizer and the
 * scorer that gives the verdicts: the shipped linear model by default ({@code voc.sentiment.model: linear}), CoreNLP's
 * sentiment tree with {@code corenlp}. {@link StanfordCoreNLP#annotate(Annotation)} is safe to call from several
 * threads at once. No CoreNLP type leaves this package.
 */
@Context
@Singleton
public class SentimentPipeline implements SentimentAnalyzer {

    static final String LANGUAGE = "en";
    static final String MODEL_RESOURCE = "/voc/sentiment-model.tsv.gz";

    private static final Logger LOG = LoggerFactory.getLogger(SentimentPipeline.class);

    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP pipeline;
    private final int maxSentenceTokens;
    private final ThemeMatcher themes;
    private final ThemeMatchers otherLanguages;
    private final SentenceScorer scorer;
    private final double neutralBand;

    public SentimentPipeline(SentimentConfiguration configuration, Taxonomy taxonomy) {
        long start = System.nanoTime();
        this.scorer = scorer(configuration);
        this.splitter = new StanfordCoreNLP(tokenizerProperties());
        this.pipeline = new StanfordCoreNLP(properties(configuration, scorer));
        this.maxSentenceTokens = configuration.maxSentenceTokens();
        TermTokenizer termTokenizer = new TermTokenizer();
        this.themes = new ThemeMatcher(taxonomy, termTokenizer, LANGUAGE);
        this.otherLanguages = new ThemeMatchers(taxonomy, termTokenizer);
        this.neutralBand = configuration.neutralBand();
        analyze("The pipeline is warm and ready.");
        LOG.info("CoreNLP pipeline ready in {} ms (parser {}, sentiment model {})", (System.nanoTime() - start) / 1_000_000,
                configuration.parserModel(), scorer.modelId());
    }

    private static SentenceScorer scorer(SentimentConfiguration configuration) {
        return switch (configuration.model()) {
            case SentimentConfiguration.LINEAR_MODEL -> new LinearScorer(shippedModel());
            case SentimentConfiguration.CORENLP_MODEL -> new TreeScorer(configuration.neutralBand());
            default -> throw new IllegalArgumentException("voc.sentiment.model must be '" + SentimentConfiguration.LINEAR_MODEL
                    + "' or '" + SentimentConfiguration.CORENLP_MODEL + "', was '" + configuration.model() + "'");
        };
    }

    /** The model file in the service's jar, written by {@code sentiment-training/train.sh}. */
    public static LinearSentimentModel shippedModel() {
        try (InputStream in = SentimentPipeline.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sentiment model " + MODEL_RESOURCE + " is missing from the class path");
            }
            return LinearSentimentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the pipeline splits text into tokens; the model's trainer tokenizes with the same settings. */
    public static Properties tokenizerProperties() {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit");
        properties.setProperty("tokenize.language", LANGUAGE);
        return properties;
    }

    /** Everything after sentence splitting, which {@link SentenceChunks} follows. */
    private static Properties properties(SentimentConfiguration configuration, SentenceScorer scorer) {
        Properties properties = new Properties();
        properties.setProperty("annotators", "pos,lemma," + scorer.annotators());
        // The tokens and sentences come from the splitter, not from annotators of this pipeline.
        properties.setProperty("enforceRequirements", "false");
        properties.setProperty("parse.model", configuration.parserModel());
        properties.setProperty("parse.maxlen", Integer.toString(configuration.maxSentenceTokens()));
        properties.setProperty("parse.maxtime", Long.toString(configuration.documentTimeout().toMillis()));
        // Nothing here reads dependencies, and building them costs time on every sentence.
        properties.setProperty("parse.buildgraphs", "false");
        // CoreNLP's sentiment model reads binarized trees.
        properties.setProperty("parse.binaryTrees", Boolean.toString(scorer instanceof TreeScorer));
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
        splitter.annotate(document);
        SentenceChunks.cap(document, maxSentenceTokens);
        pipeline.annotate(document);
        List<SentenceSentiment> sentences = new ArrayList<>();
        List<String> documentWords = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            List<String> words = labels.stream().map(CoreLabel::word).toList();
            documentWords.addAll(words);
            SentenceScorer.SentenceVerdict verdict = scorer.sentence(sentence, words);
            if (verdict == null) {
                continue;
            }
            int[] span = cleaned.originalSpan(sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            List<Token> tokens = labels.stream().map(label -> Token.of(label.word(), label.lemma(), label.tag())).toList();
            List<ThemeMatcher.Match> matches = themes.find(tokens);
            sentences.add(new SentenceSentiment(span[0], span[1], verdict.sentimentClass(), verdict.probabilities(),
                    verdict.verdict().score(), mentions(matches, labels, words, scorer.tree(sentence), verdict.verdict(), cleaned),
                    CandidateTerms.of(tokens, covered(matches, tokens.size())), verdict.verdict().label()));
        }
        return new TextSentiment(sentences, scorer.document(documentWords, sentences),
                SentimentScores.themes(sentences, neutralBand), scorer.modelId());
    }

    @Override
    public boolean reads(String language) {
        return LANGUAGE.equals(language);
    }

    /**
     * Splits the text with the English tokenizer (it serves languages written with spaces between words well enough
     * to find sentences and words) and matches the taxonomy's terms for {@code language} word for word: CoreNLP's
     * lemmatiser here is English only. No candidate terms: finding noun phrases needs the language's grammar.
     */
    @Override
    public TextSentiment withoutScores(String text, String language) {
        CleanedText cleaned = TextCleaner.clean(text);
        Annotation document = new Annotation(cleaned.text());
        splitter.annotate(document);
        ThemeMatcher matcher = otherLanguages.of(language);
        List<SentenceSentiment> sentences = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            List<Token> tokens = labels.stream().map(label -> Token.of(label.word(), null, null)).toList();
            List<ThemeMention> mentions = new ArrayList<>();
            for (ThemeMatcher.Match match : matcher.find(tokens)) {
                int[] span = cleaned.originalSpan(labels.get(match.from()).beginPosition(), labels.get(match.to() - 1).endPosition());
                mentions.add(new ThemeMention(match.theme(), span[0], span[1], null, 0, null));
            }
            int[] span = cleaned.originalSpan(sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            sentences.add(SentenceSentiment.unscored(span[0], span[1], mentions));
        }
        return new TextSentiment(sentences, null, SentimentScores.themes(sentences, neutralBand), null);
    }

    private List<ThemeMention> mentions(List<ThemeMatcher.Match> matches, List<CoreLabel> labels, List<String> words,
                                        Tree tree, Verdict sentenceVerdict, CleanedText cleaned) {
        if (matches.isEmpty()) {
            return List.of();
        }
        AspectSentiment aspects = tree == null ? null : new AspectSentiment(tree, scorer::judges);
        BitSet predicates = new BitSet(labels.size());
        BitSet nouns = new BitSet(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            String tag = labels.get(i).tag() == null ? "" : labels.get(i).tag();
            predicates.set(i, tag.startsWith("VB") || tag.startsWith("JJ"));
            nouns.set(i, tag.startsWith("NN"));
        }
        List<ThemeMention> mentions = new ArrayList<>(matches.size());
        // Many mentions may share one part (a long sentence of one clause): each part is judged once.
        Map<Tree, Verdict> parts = new IdentityHashMap<>();
        for (ThemeMatcher.Match match : matches) {
            // Other themes named by a noun mark where this theme's part ends; an adjective-only mention ("slow",
            // "rude") describes something else in the sentence, so it belongs to that thing's part.
            BitSet others = new BitSet(labels.size());
            matches.stream()
                    .filter(other -> !ThemePath.related(other.theme(), match.theme()))
                    .filter(other -> hasNoun(nouns, other))
                    .forEach(other -> others.set(other.from(), other.to()));
            // A sentence about one theme (and its family) says all of it about that theme.
            Verdict verdict = sentenceVerdict;
            if (!others.isEmpty() && aspects != null && aspects.covers(labels.size())) {
                verdict = parts.computeIfAbsent(aspects.part(match.from(), match.to(), others, predicates), part -> {
                    int[] partSpan = aspects.span(part);
                    return scorer.part(part, words.subList(partSpan[0], partSpan[1]));
                });
            }
            verdict = verdict.withTone(themes.toneOf(match.theme()));
            int[] span = cleaned.originalSpan(labels.get(match.from()).beginPosition(), labels.get(match.to() - 1).endPosition());
            mentions.add(new ThemeMention(match.theme(), span[0], span[1], verdict.label(), verdict.score(), verdict.probability()));
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
}
