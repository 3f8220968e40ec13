package io.github.vocstream.sentiment.classifier;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the tokens of a text into the sparse features the sentiment model weighs: words and word pairs, words in
 * the scope of a negation marked as such ("not good" is not "good"), the valence a lexicon gives the words, and
 * the shape of the text (exclamations, questions, shouting, elongated words). The trainer and the service share this
 * class, so a model always sees features made the way it was trained on.
 */
public final class SentimentFeatures {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "n't", "cannot", "nobody", "nothing",
            "none", "nowhere", "neither", "nor", "without", "hardly", "barely", "dont", "cant", "wont", "didnt",
            "doesnt", "isnt", "wasnt", "arent", "werent", "couldnt", "wouldnt", "shouldnt", "aint", "havent", "hasnt");
    // Where a negation's scope ends: a clause boundary or a contrast.
    private static final Set<String> SCOPE_ENDS = Set.of(".", ",", ":", ";", "!", "?", "but", "however", "although");
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9.,:]*(?:st|nd|rd|th|s|am|pm|h|k|m)?");
    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{P}+");
    // VADER's damping of a negated lexicon word.
    private static final double NEGATED_VALENCE = -0.74;
    private static final double MAX_VALENCE = 4.0;

    private final Map<String, Double> lexicon;

    public SentimentFeatures(Map<String, Double> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
    }

    /** The features of one text given as its tokens in order (all sentences of a document, or one clause). */
    public Map<String, Double> of(List<String> tokens) {
        Map<String, Double> features = new HashMap<>();
        features.put("bias", 1.0);
        String previous = "<s>";
        boolean negated = false;
        double positive = 0;
        double negative = 0;
        double last = 0;
        int exclamations = 0;
        int shouted = 0;
        for (String token : tokens) {
            String word = normalize(token);

            if (ELONGATION.matcher(token).find()) {
                features.put("shape:elongated", 1.0);
            }
            if (token.length() >= 3 && token.chars().allMatch(Character::isUpperCase)) {
                shouted++;
            }
            if (word.equals("!")) {
                exclamations++;
            }
            boolean punctuation = PUNCTUATION.matcher(word).matches();
            if (SCOPE_ENDS.contains(word)) {
                negated = false;
            }
            features.put("w:" + (negated && !punctuation ? "NOT_" : "") + word, 1.0);
            features.put("b:" + previous + " " + word, 1.0);
            Double valence = lexicon.get(word);
            if (valence != null) {
                double v = (negated ? NEGATED_VALENCE : 1.0) * valence / MAX_VALENCE;
                positive += Math.max(v, 0);
                negative += Math.max(-v, 0);
                last = v;
            }
            if (NEGATIONS.contains(word)) {
                negated = true;
            }
            previous = word;
        }
        features.put("b:" + previous + " </s>", 1.0);
        if (!lexicon.isEmpty()) {
            features.put("lex:positive", Math.log1p(positive));
            features.put("lex:negative", Math.log1p(negative));
            features.put("lex:last", last);
            if (positive == 0 && negative == 0) {
                // No evaluative word at all is evidence for neutral in its own right.
                features.put("lex:none", 1.0);
            }
        }
        if (exclamations > 0) {
            features.put("shape:exclamation", 1.0);
        }
        if (shouted > 0) {
            features.put("shape:shouting", 1.0);
        }
        if (previous.equals("?")) {
            features.put("shape:ends-with-question", 1.0);
        }
        return features;
    }

    /** Lower case, numbers as one word, letters repeated three or more times as two ("soooo" is "soo"). */
    static String normalize(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (NUMBER.matcher(lower).matches()) {
            return "<num>";
        }
        return ELONGATION.matcher(lower).replaceAll("$1$1");
    }
}
