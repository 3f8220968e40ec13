package io.github.vocstream.ingest.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.util.List;

/**
 * The answer to one stream message, sent in the order the messages came: {@code seq} counts the connection's
 * messages from 1. {@code status} means what it means for {@code POST /v1/feedback}: 202 with the ids Kafka now
 * holds, or the problem (400, 413, 429 with {@code retryAfter} seconds, 503) and nothing of that message published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamAck(long seq, int status, Integer accepted, List<String> ids, String detail, List<FieldError> errors,
                        Long retryAfter) {

    static StreamAck accepted(long seq, List<String> ids) {
        return new StreamAck(seq, 202, ids.size(), ids, null, null, null);
    }

    static StreamAck refused(long seq, ProblemException problem) {
        return new StreamAck(seq, problem.status().getCode(), null, null, problem.getMessage(),
                problem.errors().isEmpty() ? null : problem.errors(), problem.retryAfter().map(after -> after.toSeconds()).orElse(null));
    }

    static StreamAck failed(long seq) {
        return new StreamAck(seq, 500, null, null, "the message could not be processed; nothing of it was published", null, null);
    }
}
