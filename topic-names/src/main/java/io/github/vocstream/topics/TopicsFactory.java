package io.github.vocstream.topics;

import io.github.vocstream.common.kafka.Topics;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Makes the configured {@link Topics} a bean, so no service spells a topic name itself. */
@Factory
public class TopicsFactory {

    @Singleton
    Topics topics(TopicsConfiguration configuration) {
        return Topics.named(configuration.names());
    }
}
