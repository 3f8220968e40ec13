package io.github.vocstream.sentiment.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The noun phrases of a sentence that no theme covers, reduced to their nouns ("the new checkout page" gives
 * "checkout page") and lemmatized, so that "battery lives" and "battery life" count as one candidate. The aggregator
 * watches them for themes nobody has configured yet.
 */
final class CandidateTerms {

    static final int MAX_WORDS = 3;
    static final int MAX_PER_SENTENCE = 5;

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]*");

    // Nouns that name no topic of their own: a candidate made only of these says nothing.
    private static final Set<String> VAGUE_NOUNS = Set.of("thing", "stuff", "lot", "bit", "way", "kind", "sort",
            "time", "day", "week", "month", "year", "hour", "minute", "second", "today", "tomorrow", "yesterday",
            "people", "person", "guy", "one", "anything", "everything", "something", "nothing", "someone", "anyone",
            "everyone", "nobody", "problem", "issue", "star", "review", "place", "product", "item", "experience",
            "company", "service", "job", "reason", "fact", "end", "part", "number", "piece", "use", "money");

    private CandidateTerms() {
    }

    /** Candidates among {@code tokens}, leaving out any phrase that touches a token in {@code covered}. */
    static List<String> of(List<Token> tokens, boolean[] covered) {
        Set<String> candidates = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size() && candidates.size() < MAX_PER_SENTENCE) {
            if (!tokens.get(i).isNoun()) {
                i++;
                continue;
            }
            int start = i;
            while (i < tokens.size() && tokens.get(i).isNoun()) {
                i++;
            }
            candidate(tokens, covered, start, i).ifPresent(candidates::add);
        }
        return List.copyOf(candidates);
    }

    private static Optional<String> candidate(List<Token> tokens, boolean[] covered, int start, int end) {
        List<String> lemmas = new ArrayList<>();
        boolean specific = false;
        for (int i = start; i < end; i++) {
            String lemma = tokens.get(i).lemma();
            if (covered[i] || !WORD.matcher(lemma).matches() || lemma.length() < 2) {
                return Optional.empty();
            }
            lemmas.add(lemma);
            specific |= !VAGUE_NOUNS.contains(lemma);
        }
        if (!specific) {
            return Optional.empty();
        }
        // The head noun is last in English noun compounds: keep it and the words nearest to it.
        return Optional.of(String.join(" ", lemmas.subList(Math.max(0, lemmas.size() - MAX_WORDS), lemmas.size())));
    }
}
