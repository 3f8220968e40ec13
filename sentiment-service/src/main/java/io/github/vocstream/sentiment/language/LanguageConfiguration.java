package io.github.vocstream.sentiment.language;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code voc.language.*}: how the language of each text is found.
 *
 * @param candidates the languages the detector chooses among (ISO 639-1 codes). Fewer languages tell short texts
 *                   apart better and take less memory (about 25 MB each); a text in a language outside the list is
 *                   read as the closest one in it, so list every language your customers write in. English must be
 *                   among them: it is the language the model scores.
 */
@ConfigurationProperties("voc.language")
public record LanguageConfiguration(@Bindable(defaultValue = DEFAULT_CANDIDATES) List<String> candidates) {

    public static final String DEFAULT_CANDIDATES = "en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,tr,ru,ja,zh,ar,ko";

    /** The configuration the service runs with when nothing is set, for programs that build a detector themselves. */
    public static LanguageConfiguration defaults() {
        return new LanguageConfiguration(List.of(DEFAULT_CANDIDATES.split(",")));
    }
}
