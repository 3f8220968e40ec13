package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.List;
import java.util.Properties;

/**
 * Splits taxonomy terms into words exactly as the pipeline splits text ("doesn't" into "does", "n't"; "log-in"
 * into "log", "-", "in"), so that a term written the way customers write it matches their text.
 */
final class TermTokenizer {

    private final StanfordCoreNLP tokenizer;

    TermTokenizer() {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize");
        properties.setProperty("tokenize.language", SentimentPipeline.LANGUAGE);
        this.tokenizer = new StanfordCoreNLP(properties);
    }

    List<String> words(String term) {
        Annotation annotation = new Annotation(term);
        tokenizer.annotate(annotation);
        return annotation.get(CoreAnnotations.TokensAnnotation.class).stream().map(CoreLabel::word).toList();
    }
}
