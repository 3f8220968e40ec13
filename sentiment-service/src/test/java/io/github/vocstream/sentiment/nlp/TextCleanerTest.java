package io.github.vocstream.sentiment.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void plainReviewTextIsLeftAsItIs() {
        String review = "Great for the jawbone. Not tasty and the texture was just nasty.";

        CleanedText cleaned = TextCleaner.clean(review);

        assertThat(cleaned.text()).isEqualTo(review);
        assertThat(quote(review, cleaned, "texture was")).isEqualTo("texture was");
    }

    @Test
    void tweetsLoseHandlesAndLinksAndKeepHashtagWordsAndEmojiFeelings() {
        String tweet = "@united Flight delayed AGAIN 😡 #NeverAgain https://t.co/xyz123";

        String cleaned = TextCleaner.clean(tweet).text();

        assertThat(cleaned).doesNotContain("@united").doesNotContain("http").doesNotContain("t.co");
        assertThat(cleaned).contains("Flight delayed AGAIN").contains("awful").contains("Never Again");
    }

    @Test
    void emoticonsBecomeWordsAndOnlyWhenStandingAlone() {
        assertThat(TextCleaner.clean("Fast delivery :)").text()).isEqualTo("Fast delivery great");
        assertThat(TextCleaner.clean("Broken on arrival :(").text()).isEqualTo("Broken on arrival awful");
        assertThat(TextCleaner.clean("see note:(a) below").text()).isEqualTo("see note:(a) below");
    }

    @Test
    void htmlBecomesTextWithEntitiesUnescaped() {
        String html = "<p>The app &amp; the site crash &#8212; daily.</p><br>Thanks";

        String cleaned = TextCleaner.clean(html).text();

        assertThat(cleaned).contains("The app & the site crash — daily.").contains("Thanks").doesNotContain("<");
    }

    @Test
    void quotedEmailHistoryAndSignaturesAreCut() {
        String email = """
                Still broken after the update.

                On Mon, 2 Nov 2026 at 10:00, Support <help@acme.com> wrote:
                > Have you tried restarting it? We love helping!
                """;
        String signed = "Love the new plan.\n-- \nJane Doe\nHead of Ops, ACME";
        String mobile = "Refund please.\nSent from my iPhone";

        assertThat(TextCleaner.clean(email).text().strip()).isEqualTo("Still broken after the update.");
        assertThat(TextCleaner.clean(signed).text().strip()).isEqualTo("Love the new plan.");
        assertThat(TextCleaner.clean(mobile).text().strip()).isEqualTo("Refund please.");
    }

    @Test
    void quotedLinesGoButWhatFollowsStays() {
        String reply = "> You said it would ship Monday\nIt did not ship. Very disappointed.";

        assertThat(TextCleaner.clean(reply).text().strip()).isEqualTo("It did not ship. Very disappointed.");
    }

    @Test
    void emailAddressesAreNotHandles() {
        assertThat(TextCleaner.clean("write to jane@example.com please").text()).isEqualTo("write to jane@example.com please");
    }

    @Test
    void spansInTheCleanedTextQuoteTheOriginal() {
        String tweet = "@acme Your support team is amazing 😍 thanks!";
        CleanedText cleaned = TextCleaner.clean(tweet);

        assertThat(quote(tweet, cleaned, "Your support team is amazing")).isEqualTo("Your support team is amazing");
        assertThat(quote(tweet, cleaned, "great")).isEqualTo("😍");
    }

    @Test
    void camelCaseHashtagsSplitIntoWords() {
        assertThat(TextCleaner.splitCamelCase("NeverAgain")).isEqualTo("Never Again");
        assertThat(TextCleaner.splitCamelCase("fail")).isEqualTo("fail");
        assertThat(TextCleaner.splitCamelCase("EPIC_FAIL")).isEqualTo("EPIC FAIL");
    }

    private static String quote(String original, CleanedText cleaned, String fragment) {
        int begin = cleaned.text().indexOf(fragment);
        int[] span = cleaned.originalSpan(begin, begin + fragment.length());
        return original.substring(span[0], span[1]);
    }
}
