package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
}
