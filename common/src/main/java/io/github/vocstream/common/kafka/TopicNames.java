package io.github.vocstream.common.kafka;

import java.util.List;

/** The configurable names of the system's topics. */
public record TopicNames(String raw, String annotated, String dlq, String alerts, String erasures) {

    public static final String DEFAULT_RAW = "voc.feedback.raw";
    public static final String DEFAULT_ANNOTATED = "voc.feedback.annotated";
    public static final String DEFAULT_DLQ = "voc.feedback.dlq";
    public static final String DEFAULT_ALERTS = "voc.alerts";
    public static final String DEFAULT_ERASURES = "voc.erasures";

    /** The feedback topics and alerts named, erasures under its default name. */
    public TopicNames(String raw, String annotated, String dlq, String alerts) {
        this(raw, annotated, dlq, alerts, DEFAULT_ERASURES);
    }

    /** The feedback topics named, alerts and erasures under their default names. */
    public TopicNames(String raw, String annotated, String dlq) {
        this(raw, annotated, dlq, DEFAULT_ALERTS);
    }

    /** Every topic under its default name. */
    public static TopicNames defaults() {
        return new TopicNames(DEFAULT_RAW, DEFAULT_ANNOTATED, DEFAULT_DLQ, DEFAULT_ALERTS, DEFAULT_ERASURES);
    }

    public List<String> all() {
        return List.of(raw, annotated, dlq, alerts, erasures);
    }
}
