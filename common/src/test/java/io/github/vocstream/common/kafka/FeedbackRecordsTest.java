package io.github.vocstream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedbackRecordsTest {

    @Test
    void aRecordIsKeyedByItsFeedbackIdAndCarriesItInAHeader() {
        var record = FeedbackRecords.of("raw", "zendesk:ticket-1", new byte[] {1});
        var retraction = FeedbackRecords.of("raw", "zendesk:ticket-2", null);

        assertThat(record.topic()).isEqualTo("raw");
        assertThat(record.key()).isEqualTo("zendesk:ticket-1");
        assertThat(new String(record.headers().lastHeader(Headers.FEEDBACK_ID).value(), StandardCharsets.UTF_8)).isEqualTo("zendesk:ticket-1");
        assertThat(retraction.value()).as("a retraction is a record without a value").isNull();
        assertThat(new String(retraction.headers().lastHeader(Headers.FEEDBACK_ID).value(), StandardCharsets.UTF_8)).isEqualTo("zendesk:ticket-2");
    }

    @Test
    void aReaderRefusesOnlyASchemaNewerThanItKnows() {
        assertThat(FeedbackRecords.unreadableSchema(1, 1)).isEmpty();
        assertThat(FeedbackRecords.unreadableSchema(0, 1)).isEmpty();
        assertThat(FeedbackRecords.unreadableSchema(2, 1)).hasValue("schema version 2 is newer than this service knows (1)");
    }
}
