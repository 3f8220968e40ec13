package io.github.vocstream.sentiment.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.github.vocstream.common.event.TextLanguage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which language a text is in (Lingua, its n-gram models for the configured candidates, loaded at start-up) and
 * decides which language the text is read in:
 * <ol>
 *   <li>Text without letters (emoji, digits) has no detected language: it is read in its declared language, or as
 *       {@value TextLanguage#UNDETERMINED}.</li>
 *   <li>When the detector is sure (no other candidate comes within {@value #CLOSE} of the top one's confidence), the
 *       detected language wins over a declared one: platforms often declare the customer's account locale, not the
 *       language of what they wrote.</li>
 *   <li>When it is not (one to three words: "super", "Danke"; any text of fewer than {@value #MIN_LETTERS} letters:
 *       "ok", "top"), the declared language decides; without one, English if it is among the close candidates (with
 *       fewer letters, all are), else the top one.</li>
 * </ol>
 * Web addresses, @handles and #hashtags are left out before detection (names and tags are in no language: "I
 * like #twitter" is not Norwegian), and only the first {@value #MAX_CHARACTERS} characters are read: that is plenty to tell, and it bounds the
 * cost.
 */
@Singleton
public class LanguageIdentifier {

    /** A runner-up with at least this share of the top candidate's confidence makes the text too short to tell. */
    static final double CLOSE = 0.9;
    static final int MAX_CHARACTERS = 2_000;
    /** Fewer letters than this tell nothing: "ok" is as Finnish as it is English to an n-gram model. */
    static final int MIN_LETTERS = 4;
    static final String ENGLISH = "en";

    private static final Logger LOG = LoggerFactory.getLogger(LanguageIdentifier.class);
    private static final Pattern NOT_LANGUAGE = Pattern.compile("(?:https?://|www\\.)\\S+|@\\w+(?:@[\\w-]+(?:\\.[\\w-]+)+)?|#\\w+|&[a-z]+;");

    private final LanguageDetector detector;

    public LanguageIdentifier(LanguageConfiguration configuration) {
        long start = System.nanoTime();
        List<IsoCode639_1> codes = codes(configuration.candidates());
        this.detector = LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(IsoCode639_1[]::new))
                .withPreloadedLanguageModels()
                .build();
        LOG.info("Language detection ready in {} ms for {}", (System.nanoTime() - start) / 1_000_000, configuration.candidates());
    }

    /** The language {@code text} is read in; {@code declared} is the source's language tag, or null. */
    public TextLanguage languageOf(String text, String declared) {
        String declaredLanguage = declared == null ? null : TextLanguage.primaryOf(declared);
        String words = NOT_LANGUAGE.matcher(text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text).replaceAll(" ");
        SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(words);
        if (confidences.isEmpty()) {
            return new TextLanguage(declaredLanguage == null ? TextLanguage.UNDETERMINED : declaredLanguage, null, declared);
        }
        List<String> close = new ArrayList<>();
        double top = confidences.get(confidences.firstKey());
        for (Map.Entry<Language, Double> entry : confidences.entrySet()) {
            if (entry.getValue() >= CLOSE * top) {
                close.add(tagOf(entry.getKey()));
            }
        }
        String detected = close.get(0);
        boolean tooShort = words.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS;
        if (close.size() == 1 && !tooShort) {
            return new TextLanguage(detected, detected, declared);
        }
        if (declaredLanguage != null) {
            return new TextLanguage(declaredLanguage, detected, declared);
        }
        return new TextLanguage(tooShort || close.contains(ENGLISH) ? ENGLISH : detected, detected, declared);
    }

    private static String tagOf(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static List<IsoCode639_1> codes(List<String> candidates) {
        List<IsoCode639_1> codes = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                codes.add(IsoCode639_1.valueOf(candidate.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("voc.language.candidates: '" + candidate
                        + "' is not an ISO 639-1 code of a language the detector knows (e.g. en, de, fr)", e);
            }
        }
        if (!codes.contains(IsoCode639_1.EN)) {
            throw new IllegalArgumentException("voc.language.candidates must include en, the language the model scores; was "
                    + candidates);
        }
        return codes;
    }
}
