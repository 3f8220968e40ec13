package io.github.vocstream.sentiment.training;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import io.github.vocstream.sentiment.nlp.TextCleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A labelled text with the tokens the service would see: cleaned and tokenized exactly as its pipeline does. */
public record TokenizedText(LabelledText text, List<String> tokens) {

    public TokenizedText {
        tokens = List.copyOf(tokens);
    }

    /** Tokenizes every text on {@code threads} threads, keeping their order. */
    public static List<TokenizedText> of(List<LabelledText> texts, int threads) {
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(SentimentPipeline.tokenizerProperties());
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TokenizedText>> tokenized = new ArrayList<>(texts.size());
            for (LabelledText text : texts) {
                tokenized.add(workers.submit(() -> new TokenizedText(text, tokens(tokenizer, text.text()))));
            }
            List<TokenizedText> result = new ArrayList<>(texts.size());
            for (Future<TokenizedText> each : tokenized) {
                result.add(each.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static List<String> tokens(StanfordCoreNLP tokenizer, String text) {
        Annotation document = new Annotation(TextCleaner.clean(text).text());
        tokenizer.annotate(document);
        return document.get(CoreAnnotations.TokensAnnotation.class).stream().map(CoreLabel::word).toList();
    }
}
