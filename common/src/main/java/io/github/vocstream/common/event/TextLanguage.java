package io.github.vocstream.common.event;

import java.util.Locale;
import java.util.Objects;

/**
 * The language a piece of feedback was read in, and where that came from.
 *
 * @param tag      the language used: a lower-case ISO 639-1 code ({@code en}, {@code de}), or {@link #UNDETERMINED}
 *                 for text without letters (emoji, digits) and no declared language
 * @param detected what the detector found in the text, or null when the text has no letters
 * @param declared the language the source declared, as it sent it, or null
 */
public record TextLanguage(String tag, String detected, String declared) {

    /** The BCP 47 tag for "undetermined". */
    public static final String UNDETERMINED = "und";

    public TextLanguage {
        Objects.requireNonNull(tag, "tag");
    }

    /** The primary subtag of a declared language in lower case: {@code pt-BR} reads as {@code pt}. */
    public static String primaryOf(String languageTag) {
        int dash = languageTag.indexOf('-');
        return (dash < 0 ? languageTag : languageTag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
