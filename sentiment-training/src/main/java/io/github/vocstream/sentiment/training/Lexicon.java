package io.github.vocstream.sentiment.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads VADER's valence lexicon from the npm package vader-sentiment ({@code src/vader_lexicon.js}). */
public final class Lexicon {

    // One entry per line of the object literal: word: valence, quoted ('w' or "w") when not a plain identifier.
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*(?:(['\"])((?:(?!\\1)[^\\\\]|\\\\.)+)\\1|([\\w$]+))\\s*:\\s*(-?[0-9.]+),?\\s*$");

    private Lexicon() {
    }

    public static Map<String, Double> read(Path file) {
        Map<String, Double> lexicon = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher entry = ENTRY.matcher(line);
                if (entry.matches()) {
                    String word = entry.group(2) != null ? entry.group(2).replaceAll("\\\\(.)", "$1") : entry.group(3);
                    lexicon.put(word, Double.parseDouble(entry.group(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lexicon.size() < 7000) {
            throw new IllegalStateException(file + " holds " + lexicon.size() + " entries; expected VADER's 7,500");
        }
        return lexicon;
    }
}
