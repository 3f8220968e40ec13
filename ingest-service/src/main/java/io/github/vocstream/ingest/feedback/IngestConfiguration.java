package io.github.vocstream.ingest.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code voc.ingest.*}: how many items one request may carry, how long to wait for Kafka to acknowledge them
 * before answering 503, and whether e-mail addresses, phone and card numbers are masked before publishing.
 */
@ConfigurationProperties("voc.ingest")
public record IngestConfiguration(
        @Bindable(defaultValue = "500") int maxItems,
        @Bindable(defaultValue = "15s") Duration publishTimeout,
        @Bindable(defaultValue = "true") boolean maskPii) {
}
