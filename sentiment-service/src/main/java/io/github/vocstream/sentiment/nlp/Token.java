package io.github.vocstream.sentiment.nlp;

import java.util.Locale;

/** One token of a sentence as theme matching sees it: lower-case word and lemma, and its part-of-speech tag. */
record Token(String word, String lemma, String tag) {

    static Token of(String word, String lemma, String tag) {
        return new Token(word.toLowerCase(Locale.ROOT), (lemma == null ? word : lemma).toLowerCase(Locale.ROOT), tag);
    }

    boolean isNoun() {
        return tag != null && tag.startsWith("NN");
    }
}
