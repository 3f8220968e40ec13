package io.github.vocstream.ingest.feedback;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to an erasure Kafka now holds: its id, how many author references it named, and where the aggregator
 * tells how many items it took out ({@code GET /v1/erasures/{id}} on the query API).
 */
@Serdeable
public record ErasureAccepted(String erasureId, int references, String status) {
}
