package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts sentences longer than the parser's cap into parts of at most that many tokens, after the last clause
 * boundary (a comma, semicolon, colon or dash) within the cap where there is one, before tagging and parsing. A text
 * without sentence breaks (a pasted log, a 20,000-character rant) then costs time in proportion to its length, and
 * every part gets a real parse for aspects; CoreNLP's fallback for an over-long sentence, a flat tree, cost minutes
 * (dependency conversion) or overflowed the stack (binarization for the sentiment tree).
 */
final class SentenceChunks {

    private static final Set<String> CLAUSE_ENDS = Set.of(",", ";", ":", "-", "--");

    private SentenceChunks() {
    }

    /** Re-splits the sentences of a tokenized and sentence-split {@code document} so none exceeds {@code maxTokens}. */
    static void cap(Annotation document, int maxTokens) {
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences.stream().allMatch(sentence -> sentence.get(CoreAnnotations.TokensAnnotation.class).size() <= maxTokens)) {
            return;
        }
        String text = document.get(CoreAnnotations.TextAnnotation.class);
        List<CoreMap> capped = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            int firstToken = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (int from = 0; from < tokens.size(); ) {
                int to = cut(tokens, from, maxTokens);
                capped.add(part(text, tokens.subList(from, to), firstToken + from, capped.size()));
                from = to;
            }
        }
        document.set(CoreAnnotations.SentencesAnnotation.class, capped);
    }

    /** Where the part starting at {@code from} ends: after the last clause boundary within the cap, or at the cap. */
    private static int cut(List<CoreLabel> tokens, int from, int maxTokens) {
        int limit = Math.min(tokens.size(), from + maxTokens);
        if (limit == tokens.size()) {
            return limit;
        }
        for (int end = limit; end > from + maxTokens / 2; end--) {
            if (CLAUSE_ENDS.contains(tokens.get(end - 1).word())) {
                return end;
            }
        }
        return limit;
    }

    private static CoreMap part(String text, List<CoreLabel> tokens, int tokenBegin, int index) {
        List<CoreLabel> own = new ArrayList<>(tokens);
        for (int i = 0; i < own.size(); i++) {
            own.get(i).setIndex(i + 1);
            own.get(i).setSentIndex(index);
        }
        int begin = own.get(0).beginPosition();
        int end = own.get(own.size() - 1).endPosition();
        CoreMap part = new ArrayCoreMap();
        part.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
        part.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
        part.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
        part.set(CoreAnnotations.TokensAnnotation.class, own);
        part.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBegin);
        part.set(CoreAnnotations.TokenEndAnnotation.class, tokenBegin + own.size());
        part.set(CoreAnnotations.SentenceIndexAnnotation.class, index);
        return part;
    }
}
