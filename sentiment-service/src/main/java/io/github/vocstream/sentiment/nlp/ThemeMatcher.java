package io.github.vocstream.sentiment.nlp;

import edu.stanford.nlp.process.Morphology;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemePath;
import io.github.vocstream.taxonomy.Taxonomy;
import io.github.vocstream.taxonomy.Theme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the taxonomy's terms for one language in the tokens of a sentence. In English a word of a term matches a
 * token with the same word, or whose lemma is the word's base form, so "refund" finds "Refunds" and "refunded", and
 * "waiting time" finds "wait times"; in other languages a word matches the same word in any case. A term inside one of its theme's exclusions does not count, overlapping mentions of one theme become one,
 * and a theme's mention gives way to an overlapping mention of its own child, which is more precise.
 */
final class ThemeMatcher {

    /** Token positions {@code [from, to)} that mention {@code theme}. */
    record Match(String theme, int from, int to) {

        boolean overlaps(Match other) {
            return from < other.to && other.from < to;
        }
    }

    private record TermWord(String word, String base) {

        boolean matches(Token token) {
            return token.word().equals(word) || token.lemma().equals(base) || token.lemma().equals(word);
        }
    }

    private record Phrase(String theme, List<TermWord> words) {

        boolean matchesAt(List<Token> tokens, int start) {
            if (start + words.size() > tokens.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).matches(tokens.get(start + i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, List<Phrase>> termsByFirstWord = new HashMap<>();
    private final Map<String, List<Phrase>> exclusionsByFirstWord = new HashMap<>();
    private final Map<String, SentimentLabel> tones = new HashMap<>();

    /** A matcher of the terms for {@code language}; English ones are matched on lemmas. */
    ThemeMatcher(Taxonomy taxonomy, TermTokenizer tokenizer, String language) {
        UnaryOperator<String> base = SentimentPipeline.LANGUAGE.equals(language) ? new Morphology()::stem : UnaryOperator.identity();
        for (Theme theme : taxonomy.themes()) {
            if (theme.tone() != null) {
                tones.put(theme.id(), theme.tone());
            }
            for (String term : theme.terms(language)) {
                index(termsByFirstWord, phrase(theme.id(), term, tokenizer, base));
            }
            for (String exclusion : theme.exclusions(language)) {
                index(exclusionsByFirstWord, phrase(theme.id(), exclusion, tokenizer, base));
            }
        }
    }

    /** The theme mentions in {@code tokens}, in text order. */
    List<Match> find(List<Token> tokens) {
        List<Match> exclusions = occurrences(exclusionsByFirstWord, tokens);
        List<Match> matches = new ArrayList<>();
        for (Match match : occurrences(termsByFirstWord, tokens)) {
            boolean excluded = exclusions.stream().anyMatch(e -> e.theme().equals(match.theme()) && e.overlaps(match));
            if (!excluded) {
                addMerged(matches, match);
            }
        }
        List<Match> all = List.copyOf(matches);
        matches.removeIf(match -> all.stream().anyMatch(other -> other.overlaps(match) && ThemePath.isAncestor(match.theme(), other.theme())));
        matches.sort(Comparator.comparingInt(Match::from).thenComparing(Match::theme));
        return matches;
    }

    /** The tone the taxonomy gives {@code theme}, or null. */
    SentimentLabel toneOf(String theme) {
        return tones.get(theme);
    }

    private static List<Match> occurrences(Map<String, List<Phrase>> phrasesByFirstWord, List<Token> tokens) {
        Set<Match> found = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            for (String key : token.word().equals(token.lemma()) ? List.of(token.word()) : List.of(token.word(), token.lemma())) {
                for (Phrase phrase : phrasesByFirstWord.getOrDefault(key, List.of())) {
                    if (phrase.matchesAt(tokens, i)) {
                        found.add(new Match(phrase.theme(), i, i + phrase.words().size()));
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** Adds {@code match}, joined with any overlapping mention of the same theme. */
    private static void addMerged(List<Match> matches, Match match) {
        Match merged = match;
        for (int i = matches.size() - 1; i >= 0; i--) {
            Match known = matches.get(i);
            if (known.theme().equals(merged.theme()) && known.overlaps(merged)) {
                merged = new Match(merged.theme(), Math.min(known.from(), merged.from()), Math.max(known.to(), merged.to()));
                matches.remove(i);
            }
        }
        matches.add(merged);
    }

    private static Phrase phrase(String theme, String text, TermTokenizer tokenizer, UnaryOperator<String> base) {
        List<TermWord> words = tokenizer.words(text).stream()
                .map(word -> word.toLowerCase(Locale.ROOT))
                .map(word -> new TermWord(word, base.apply(word).toLowerCase(Locale.ROOT)))
                .toList();
        return new Phrase(theme, words);
    }

    private static void index(Map<String, List<Phrase>> index, Phrase phrase) {
        if (phrase.words().isEmpty()) {
            return;
        }
        TermWord first = phrase.words().get(0);
        index.computeIfAbsent(first.word(), key -> new ArrayList<>()).add(phrase);
        if (!first.base().equals(first.word())) {
            index.computeIfAbsent(first.base(), key -> new ArrayList<>()).add(phrase);
        }
    }
}
