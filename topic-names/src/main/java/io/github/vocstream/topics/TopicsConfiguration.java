package io.github.vocstream.topics;

import io.github.vocstream.common.kafka.TopicNames;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** The topic names from {@code voc.topics.*}; each has the default the design gives it. */
@ConfigurationProperties("voc.topics")
public record TopicsConfiguration(
        @Bindable(defaultValue = TopicNames.DEFAULT_RAW) String raw,
        @Bindable(defaultValue = TopicNames.DEFAULT_ANNOTATED) String annotated,
        @Bindable(defaultValue = TopicNames.DEFAULT_DLQ) String dlq,
        @Bindable(defaultValue = TopicNames.DEFAULT_ALERTS) String alerts,
        @Bindable(defaultValue = TopicNames.DEFAULT_ERASURES) String erasures) {

    public TopicNames names() {
        return new TopicNames(raw, annotated, dlq, alerts, erasures);
    }
}
