package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void blocksBecomeLinesAndTagsGo() {
        assertThat(HtmlText.toPlainText("<p>First <b>bold</b> line.</p><p>Second<br/>third</p>"))
                .isEqualTo("First bold line.\nSecond\nthird");
    }

    @Test
    void entitiesAreDecodedAndScriptsDropped() {
        assertThat(HtmlText.toPlainText("Fish &amp; chips &#8212; &#x1F600; &quot;ok&quot; &bogus; <script>alert(1)</script>"))
                .isEqualTo("Fish & chips — 😀 \"ok\" &bogus;");
    }

    @Test
    void plainTextStaysAsItIs() {
        assertThat(HtmlText.toPlainText("No markup here, 3 < 4.")).isEqualTo("No markup here, 3 < 4.");
    }

    @Test
    void controlCharactersNamedByEntitiesBecomeSpaces() {
        assertThat(HtmlText.toPlainText("<p>a&#1;b&#10;c</p>")).isEqualTo("a b\nc");
    }

    @Test
    void hostileMarkupOfAMebibyteIsHandledInLinearTime() {
        // Each of these took minutes of CPU with regular expressions over tags (quadratic in the input).
        int size = 1_048_576;
        List<String> bodies = List.of("<".repeat(size), "<script>".repeat(size / 8), "<b>x".repeat(size / 4),
                "<p ".repeat(size / 3), "&#".repeat(size / 2));
        for (String body : bodies) {
            // Generous: the point is linear against quadratic (seconds against hours), not speed.
            String text = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HtmlText.toPlainText(body));
            assertThat(text.length()).isLessThanOrEqualTo(body.length());
        }
    }
}
