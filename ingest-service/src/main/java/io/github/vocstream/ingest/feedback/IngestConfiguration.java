package io.github.vocstream.ingest.feedback;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code voc.ingest.*}: how many items one request may carry, how long to wait for Kafka to acknowledge them
 * before answering 503, whether e-mail addresses, phone and card numbers are masked before publishing, and what
 * becomes of author references ({@link AuthorPseudonyms}).
 *
 * @param publishers Kafka transactions in flight at once; each takes the requests that arrived while the one before
 *                   it committed ({@link TransactionalProducers}). One is best: every transaction costs the broker
 *                   and the service a round of work whatever it carries, and one took the most requests at every
 *                   load measured (docs/benchmarks.md); more keep other lanes while one transaction is slow or its
 *                   requests are retried one by one
 * @param authorKey the key of the author hash; a secret, so set it through {@code VOC_INGEST_AUTHOR_KEY}; required
 *                  when authors are hashed, as erasure finds a customer's items by it
 * @param authorPreviousKeys keys used before the current one, so that an erasure also finds items hashed with them
 *                  ({@code VOC_INGEST_AUTHOR_PREVIOUS_KEYS}, comma-separated)
 */
@ConfigurationProperties("voc.ingest")
public record IngestConfiguration(
        @Bindable(defaultValue = "500") int maxItems,
        @Bindable(defaultValue = "15s") Duration publishTimeout,
        @Bindable(defaultValue = "1") int publishers,
        @Bindable(defaultValue = "true") boolean maskPii,
        @Bindable(defaultValue = "HASH") AuthorHandling author,
        @Nullable String authorKey,
        @Nullable List<String> authorPreviousKeys,
        RateLimit rateLimit,
        Stream stream) {

    /**
     * {@code voc.ingest.rate-limit.*}: items each source may publish per second, and how many it may send at once
     * after a quiet spell. 0 items per second switches the limit off.
     */
    @ConfigurationProperties("rate-limit")
    public record RateLimit(
            @Bindable(defaultValue = "1000") double itemsPerSecond,
            @Bindable(defaultValue = "5000") double burst) {
    }

    /**
     * {@code voc.ingest.stream.*}: how many messages a stream connection may send ahead of their acknowledgements;
     * one more closes the connection, so that a client that does not wait cannot queue without bound.
     */
    @ConfigurationProperties("stream")
    public record Stream(@Bindable(defaultValue = "16") int maxUnacknowledged) {
    }

    /** What to do with an author reference before publishing. */
    public enum AuthorHandling {
        HASH, KEEP, DROP
    }

    /** Never the key in a log line or an error message. */
    @Override
    public String toString() {
        return "IngestConfiguration[maxItems=" + maxItems + ", publishTimeout=" + publishTimeout + ", publishers=" + publishers
                + ", maskPii=" + maskPii
                + ", author=" + author + ", authorKey=" + (authorKey == null ? "unset" : "set")
                + ", authorPreviousKeys=" + (authorPreviousKeys == null ? 0 : authorPreviousKeys.size()) + ", rateLimit=" + rateLimit
                + ", stream=" + stream + "]";
    }
}
