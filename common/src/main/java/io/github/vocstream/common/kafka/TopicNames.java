package io.github.vocstream.common.kafka;

import java.util.List;

/** The configurable names of the system's topics. */
public record TopicNames(String raw, String annotated, String dlq, String alerts) {

    public static final String DEFAULT_RAW = "voc.feedback.raw";
    public static final String DEFAULT_ANNOTATED = "voc.feedback.annotated";
    public static final String DEFAULT_DLQ = "voc.feedback.dlq";
    public static final String DEFAULT_ALERTS = "voc.alerts";

    /** The feedback topics named, alerts under their default name. */
    public TopicNames(String raw, String annotated, String dlq) {
        this(raw, annotated, dlq, DEFAULT_ALERTS);
    }

    public List<String> all() {
        return List.of(raw, annotated, dlq, alerts);
    }
}
