package io.github.vocstream.ingest.feedback;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The answer to an accepted request: the stable ids of the items Kafka now holds, in request order. */
@Serdeable
public record FeedbackAccepted(int accepted, List<String> ids) {
}
