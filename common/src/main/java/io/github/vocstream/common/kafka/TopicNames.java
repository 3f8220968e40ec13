package io.github.vocstream.common.kafka;

import java.util.List;

/** The configurable names of the system's topics. */
public record TopicNames(String raw, String annotated, String dlq) {

    public static final TopicNames DEFAULT = new TopicNames("voc.feedback.raw", "voc.feedback.annotated", "voc.feedback.dlq");

    public List<String> all() {
        return List.of(raw, annotated, dlq);
    }
}
