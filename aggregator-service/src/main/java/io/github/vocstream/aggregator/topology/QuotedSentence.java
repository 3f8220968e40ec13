package io.github.vocstream.aggregator.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence as evidence shows it, whitespace runs made one space, trimmed and cut at a length, together with where
 * given stretches of the whole text (a theme's words) now lie in it, so that a reader can mark them.
 */
record QuotedSentence(String text, List<Highlight> highlights) {

    /** Quotes {@code text[begin, end)} in at most {@code maxLength} characters; {@code spans} are offsets in {@code text}. */
    static QuotedSentence of(String text, int begin, int end, int maxLength, List<int[]> spans) {
        int from = Math.max(0, Math.min(begin, text.length()));
        int to = Math.max(from, Math.min(end, text.length()));
        if (to - from > maxLength || !isTidy(text, from, to)) {
            return tidied(text, from, to, maxLength, spans);
        }
        // Most sentences: nothing to tidy or cut, so the quote is the text as it is (tidying it was 2 % of the stream thread).
        List<Highlight> highlights = new ArrayList<>();
        for (int[] span : spans) {
            if (span[0] >= from && span[1] <= to && span[0] < span[1]) {
                highlights.add(new Highlight(span[0] - from, span[1] - from));
            }
        }
        return new QuotedSentence(text.substring(from, to), highlights);
    }

    /** True when {@code text[from, to)} has no whitespace at either end and only single spaces within. */
    private static boolean isTidy(String text, int from, int to) {
        boolean afterSpace = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? afterSpace : Character.isWhitespace(c)) {
                return false;
            }
            afterSpace = c == ' ';
        }
        return !afterSpace || from == to;
    }

    /** The quote of {@code text[from, to)} with its whitespace runs made one space, trimmed and cut at {@code maxLength}. */
    static QuotedSentence tidied(String text, int from, int to, int maxLength, List<int[]> spans) {
        // quotedAt[i]: where character from + i of the text lands in the quote (before trimming its start).
        int[] quotedAt = new int[to - from + 1];
        StringBuilder quoted = new StringBuilder(to - from);
        boolean inSpace = false;
        for (int i = from; i < to; i++) {
            quotedAt[i - from] = quoted.length();
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!inSpace) {
                    quoted.append(' ');
                }
                inSpace = true;
            } else {
                quoted.append(c);
                inSpace = false;
            }
        }
        quotedAt[to - from] = quoted.length();
        int lead = 0;
        while (lead < quoted.length() && quoted.charAt(lead) == ' ') {
            lead++;
        }
        String trimmed = quoted.toString().strip();
        boolean cut = trimmed.length() > maxLength;
        String shown = cut ? trimmed.substring(0, maxLength - 1) + "…" : trimmed;
        int visible = cut ? maxLength - 1 : trimmed.length();
        List<Highlight> highlights = new ArrayList<>();
        for (int[] span : spans) {
            if (span[0] < from || span[1] > to || span[0] >= span[1]) {
                continue;
            }
            int hBegin = quotedAt[span[0] - from] - lead;
            int hEnd = Math.min(quotedAt[span[1] - from] - lead, visible);
            if (hBegin >= 0 && hBegin < hEnd) {
                highlights.add(new Highlight(hBegin, hEnd));
            }
        }
        return new QuotedSentence(shown, highlights);
    }
}
