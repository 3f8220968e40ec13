package io.github.vocstream.ingest.feedback;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to an accepted request: the stable ids of the items Kafka now holds, in request order, and the ids of
 * earlier items the request retracted. Empty lists are left out of the JSON (Micronaut's default inclusion).
 */
@Serdeable
public record FeedbackAccepted(int accepted, List<String> ids, List<String> retracted) {

    @Creator
    public FeedbackAccepted {
        retracted = retracted == null ? List.of() : List.copyOf(retracted);
    }

    public FeedbackAccepted(int accepted, List<String> ids) {
        this(accepted, ids, List.of());
    }
}
