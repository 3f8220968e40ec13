package io.github.vocstream.common.kafka;

import java.time.Duration;
import java.util.Map;

/**
 * How long each topic keeps what it holds, set when a stack creates its topics (and on topics it finds without them).
 * The feedback topics are compacted as well as time-limited: a retraction is a record without a value under the
 * feedback id, so the next compaction removes the text it retracts, long before the time limit would.
 */
public final class TopicSettings {

    /** How long the feedback topics keep an item: enough to replay a month after a model or taxonomy change. */
    public static final Duration FEEDBACK_RETENTION = Duration.ofDays(30);
    /** How long a dead letter waits to be read and redriven: its bytes are customer text. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(7);
    /** How long a tombstone itself is kept after compaction, so that a consumer behind by less still sees it. */
    public static final Duration TOMBSTONE_RETENTION = Duration.ofDays(1);

    private TopicSettings() {
    }

    /** The settings of each topic of {@code names}, by name. */
    public static Map<String, Map<String, String>> of(TopicNames names) {
        Map<String, String> feedback = Map.of(
                "cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(FEEDBACK_RETENTION.toMillis()),
                "delete.retention.ms", Long.toString(TOMBSTONE_RETENTION.toMillis()));
        return Map.of(
                names.raw(), feedback,
                names.annotated(), feedback,
                names.dlq(), Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(DEAD_LETTER_RETENTION.toMillis())),
                // Alerts hold no customer text; one record per alert id is all a reader needs.
                names.alerts(), Map.of("cleanup.policy", "compact"),
                // The audit of erasures: author hashes, never text; kept.
                names.erasures(), Map.of("cleanup.policy", "delete", "retention.ms", "-1"));
    }
}
