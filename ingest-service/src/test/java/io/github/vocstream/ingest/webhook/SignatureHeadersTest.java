package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.vocstream.http.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureHeadersTest {

    @Test
    void aTimestampBeyondAnyInstantIsRefusedAsUnauthorizedNotAsAServerError() {
        for (String huge : new String[] {"9223372036854775807", "-9223372036854775808", "99999999999999999"}) {
            assertThatThrownBy(() -> SignatureHeaders.epochSeconds("webhook-timestamp", huge))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status().getCode()).isEqualTo(401));
        }
        assertThat(SignatureHeaders.epochSeconds("webhook-timestamp", "1795426200")).isEqualTo(Instant.ofEpochSecond(1795426200));
    }

    @Test
    void aPayloadTimeBeyondAnyInstantReadsAsMissing() {
        var node = JsonNodeFactory.instance.objectNode().put("created_at", Long.MAX_VALUE).put("updated_at", 1795426200L);

        assertThat(JsonFields.epochSeconds(node, "created_at")).isNull();
        assertThat(JsonFields.epochSeconds(node, "updated_at")).isEqualTo(Instant.ofEpochSecond(1795426200));
    }
}
