package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The masker skips a pattern when the text lacks what it needs ('@', enough digits): it must mask exactly as running
 * every pattern does, on texts made of the characters that decide (digits, separators, '@', '+', brackets, full
 * stops, letters, non-ASCII digits), with few and with many digits, and with exactly as many as a pattern needs.
 */
class PiiMaskerShortcutTest {

    @Property(tries = 3_000)
    void skippingPatternsMasksExactlyAsRunningThemAll(@ForAll("texts") String text) {
        assertThat(PiiMasker.mask(text)).isEqualTo(PiiMasker.maskWithEveryPattern(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(16),
                Arbitraries.of(" ", "-", ".", "+", "(", ")", "@", "/", "a", "x.y", "example.com", "jane", "\u0663\u0664", "é"),
                Arbitraries.of("4111 1111 1111 1111", "+44 20 7946 0958", "jane@example.com", "12-05-2026", "06 1234 5678",
                        "12 345 67"));
        return pieces.list().ofMinSize(0).ofMaxSize(12).map(list -> String.join("", list));
    }
}
