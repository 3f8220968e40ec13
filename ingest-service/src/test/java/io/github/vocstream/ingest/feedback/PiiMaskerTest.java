package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {

    @Test
    void anEventsTextAndTitleAreMaskedAndNothingElse() {
        FeedbackEvent event = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, "zendesk:1", "zendesk", "1", Channel.TICKET,
                "Mail me at jane@example.com about card 4111 1111 1111 1111.", "Call +44 20 7946 0958", "en", 2,
                "jane@example.com", Instant.EPOCH, Instant.EPOCH, Map.of("plan", "pro"), List.of("refund"));

        FeedbackEvent masked = PiiMasker.mask(event);

        assertThat(masked.text()).isEqualTo("Mail me at [email] about card [card].");
        assertThat(masked.title()).isEqualTo("Call [phone]");
        assertThat(masked.withText(event.text(), event.title())).isEqualTo(event);
        assertThat(PiiMasker.mask(event.withText("No title.", null)).title()).isNull();
    }

    @Test
    void emailAddressesAreMasked() {
        assertThat(PiiMasker.mask("Write to jane.doe+refunds@example.co.uk, she knows."))
                .isEqualTo("Write to [email], she knows.");
        assertThat(PiiMasker.mask("It went to jane@example.com.")).isEqualTo("It went to [email].");
    }

    @Test
    void anAddressWithThousandsOfDomainLabelsIsMaskedWithoutOverflowingTheStack() {
        // Each repetition of the domain's label group was a frame of recursion in the regex engine: 3,000 gave 500s.
        String hostile = "x@y" + ".a".repeat(3_000);

        assertThat(PiiMasker.mask("mail " + hostile + " now")).startsWith("mail [email]").endsWith(" now").doesNotContain("x@y");
        assertThat(PiiMasker.mask("x@y" + ".a".repeat(200_000))).startsWith("[email]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "(555) 123-4567", "555-123-4567", "+4915112345678", "030 1234 5678",
        "+31 6 1234 5678", "+1 415-555-0132"})
    void phoneNumbersAreMasked(String phone) {
        assertThat(PiiMasker.mask("Call me on " + phone + " today")).isEqualTo("Call me on [phone] today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "5500000000000004", "378282246310005"})
    void cardNumbersPassingLuhnAreMasked(String card) {
        assertThat(PiiMasker.mask("I paid with " + card + " twice")).isEqualTo("I paid with [card] twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Order 123456789 arrived late.",
        "Delivered on 2026-11-23, promised 12/11/2026.",
        "It cost 1,299.00 EUR and took 6 weeks.",
        "Ticket #4711 was closed.",
        "Tracking 1234 5678 9012 3456 says lost."})
    void ordinaryNumbersStayReadable(String text) {
        assertThat(PiiMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void luhnChecksTheCheckDigit() {
        assertThat(PiiMasker.passesLuhn("4111111111111111")).isTrue();
        assertThat(PiiMasker.passesLuhn("4111111111111112")).isFalse();
    }
}
