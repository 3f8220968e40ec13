package io.github.vocstream.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackRulesTest {

    @Test
    void textMustBePresentAndAtMostTwentyThousandCharacters() {
        assertThat(FeedbackRules.checkText("The refund took six weeks.")).isEmpty();
        assertThat(FeedbackRules.checkText("   ")).hasValue("must not be blank");
        assertThat(FeedbackRules.checkText("a".repeat(20_000))).isEmpty();
        assertThat(FeedbackRules.checkText("a".repeat(20_001))).get().asString().contains("at most 20000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zendesk", "trustpilot", "review-feed.v2", "a1"})
    void sourcesAreLowerCaseNames(String source) {
        assertThat(FeedbackRules.checkSource(source)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Zendesk", "has space", "-leading", "a:b"})
    void sourcesWithOtherCharactersAreRefused(String source) {
        assertThat(FeedbackRules.checkSource(source)).isPresent();
    }

    @Test
    void payloadSegmentsMayNotReuseBuiltInDimensions() {
        assertThat(FeedbackRules.checkSegmentDimension("region")).isEmpty();
        assertThat(FeedbackRules.checkSegmentDimension("channel")).get().asString().contains("built-in");
        assertThat(FeedbackRules.checkSegmentDimension("source")).isPresent();
        assertThat(FeedbackRules.checkSegmentDimension("all")).isPresent();
        assertThat(FeedbackRules.checkSegmentDimension("persona")).as("personas are configured, not claimed").isPresent();
        assertThat(FeedbackRules.checkSegmentDimension("Region")).isPresent();
    }

    @Test
    void externalIdsRefuseControlCharactersAndExcessLength() {
        assertThat(FeedbackRules.checkExternalId("ticket-123")).isEmpty();
        assertThat(FeedbackRules.checkExternalId("a\nb")).isPresent();
        assertThat(FeedbackRules.checkExternalId("x".repeat(257))).isPresent();
    }

    @Test
    void ratingsRunFromZeroToTen() {
        assertThat(FeedbackRules.checkRating(0)).isEmpty();
        assertThat(FeedbackRules.checkRating(10)).isEmpty();
        assertThat(FeedbackRules.checkRating(11)).isPresent();
        assertThat(FeedbackRules.checkRating(-1)).isPresent();
    }

    @Test
    void languagesAreTags() {
        assertThat(FeedbackRules.checkLanguage("en")).isEmpty();
        assertThat(FeedbackRules.checkLanguage("pt-BR")).isEmpty();
        assertThat(FeedbackRules.checkLanguage("english!")).isPresent();
    }

    @Test
    void aWholeItemIsCheckedFieldByField() {
        FeedbackEvent fine = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, "chatwoot:message-1", "chatwoot", "message-1",
                Channel.TICKET, "The app crashes.", null, "en", 3, "contact-7", Instant.EPOCH, Instant.EPOCH, Map.of("plan", "pro"),
                List.of("crash"));
        String hugeId = "message-" + "\u00a0".repeat(300_000);
        FeedbackEvent broken = new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, "chatwoot:" + hugeId, "chatwoot", hugeId,
                Channel.TICKET, " ", "t".repeat(1_001), "english!", 11, null, Instant.EPOCH, Instant.EPOCH,
                Map.of("plan", "p".repeat(201), "tag", "x"), List.of());

        assertThat(FeedbackRules.problems(fine)).isEmpty();
        assertThat(FeedbackRules.problems(broken)).containsOnlyKeys("externalId", "text", "title", "language", "rating",
                "segments.plan", "segments.tag");
    }
}
