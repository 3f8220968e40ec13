package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorPseudonymsTest {

    private static final FeedbackEvent BY_JANE = withAuthor("jane.doe@example.com");

    @Test
    void anAuthorBecomesAKeyedHashThatStaysTheSameForTheSameKey() {
        FeedbackEvent first = pseudonyms(IngestConfiguration.AuthorHandling.HASH, "key-one").apply(BY_JANE);
        FeedbackEvent again = pseudonyms(IngestConfiguration.AuthorHandling.HASH, "key-one").apply(BY_JANE);
        FeedbackEvent otherKey = pseudonyms(IngestConfiguration.AuthorHandling.HASH, "key-two").apply(BY_JANE);

        assertThat(first.author()).startsWith("h:").hasSize(24).doesNotContain("jane");
        assertThat(again.author()).isEqualTo(first.author());
        assertThat(otherKey.author()).isNotEqualTo(first.author());
        assertThat(first).usingRecursiveComparison().ignoringFields("author").isEqualTo(BY_JANE);
    }

    @Test
    void theSameReferenceAtAnotherSourceIsAnotherPerson() {
        AuthorPseudonyms pseudonyms = pseudonyms(IngestConfiguration.AuthorHandling.HASH, "key-one");

        assertThat(pseudonyms.hash("zendesk", "123")).isNotEqualTo(pseudonyms.hash("intercom", "123"));
    }

    @Test
    void authorsCanBeKeptOrDroppedInstead() {
        assertThat(pseudonyms(IngestConfiguration.AuthorHandling.KEEP, null).apply(BY_JANE).author()).isEqualTo("jane.doe@example.com");
        assertThat(pseudonyms(IngestConfiguration.AuthorHandling.DROP, "key").apply(BY_JANE).author()).isNull();
        assertThat(pseudonyms(IngestConfiguration.AuthorHandling.KEEP, null).hashes()).isFalse();
    }

    @Test
    void hashingWithoutAKeyStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> pseudonyms(IngestConfiguration.AuthorHandling.HASH, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("voc.ingest.author-key (VOC_INGEST_AUTHOR_KEY) is required");
        assertThatThrownBy(() -> pseudonyms(IngestConfiguration.AuthorHandling.HASH, " ")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErasureFindsItemsHashedWithThePreviousKeysToo() {
        AuthorPseudonyms before = pseudonyms(IngestConfiguration.AuthorHandling.HASH, "key-one");
        AuthorPseudonyms after = new AuthorPseudonyms(new IngestConfiguration(500, Duration.ofSeconds(15), 4, true,
                IngestConfiguration.AuthorHandling.HASH, "key-two", List.of("key-one"), new IngestConfiguration.RateLimit(1000, 5000),
                new IngestConfiguration.Stream(16)));

        assertThat(after.hashesOf("trustpilot", "jane.doe@example.com")).containsExactly(
                after.apply(BY_JANE).author(), before.apply(BY_JANE).author());
        assertThat(after.apply(BY_JANE).author()).isNotEqualTo(before.apply(BY_JANE).author());
    }

    @Test
    void theHandlingIsReadFromConfigurationInLowerCase() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("voc.ingest.author", "drop"))) {
            assertThat(context.getBean(IngestConfiguration.class).author()).isEqualTo(IngestConfiguration.AuthorHandling.DROP);
        }
    }

    @Test
    void theKeyNeverShowsInTheConfigurationsText() {
        assertThat(configuration(IngestConfiguration.AuthorHandling.HASH, "s3cr3t").toString()).doesNotContain("s3cr3t");
    }

    private static AuthorPseudonyms pseudonyms(IngestConfiguration.AuthorHandling handling, String key) {
        return new AuthorPseudonyms(configuration(handling, key));
    }

    private static IngestConfiguration configuration(IngestConfiguration.AuthorHandling handling, String key) {
        return new IngestConfiguration(500, Duration.ofSeconds(15), 4, true, handling, key, null, new IngestConfiguration.RateLimit(1000, 5000),
                new IngestConfiguration.Stream(16));
    }

    /** A tagged review, so that the tests also see that nothing but the author changes. */
    private static FeedbackEvent withAuthor(String author) {
        FeedbackEvent review = FeedbackEvents.review("a-1", "Fine.", Map.of("plan", "pro"));
        return new FeedbackEvent(review.schemaVersion(), review.id(), review.source(), review.externalId(), review.channel(),
                review.text(), review.title(), review.language(), review.rating(), author, review.occurredAt(),
                review.receivedAt(), review.segments(), List.of("vip"));
    }
}
