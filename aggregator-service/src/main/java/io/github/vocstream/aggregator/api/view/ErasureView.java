package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.topology.ErasureStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * An erasure as the audit shows it: who asked when, how many author references and hashes it named, how many of the
 * hashes have been applied and how many items that took out of every table; {@code completedAt} is when the last
 * author was applied, null until then. Never an author reference or hash.
 */
@Serdeable
public record ErasureView(String id, Instant requestedAt, String client, int references, int authors, int authorsApplied,
                          long itemsRetracted, boolean complete, Instant completedAt) {

    public static ErasureView of(ErasureStatus status) {
        return new ErasureView(status.id(), status.requestedAt(), status.client(), status.references(), status.authors(),
                status.authorsApplied(), status.itemsRetracted(), status.isComplete(), status.isComplete() ? status.lastAppliedAt() : null);
    }

    /** Every erasure, newest first. */
    @Serdeable
    public record ErasureList(List<ErasureView> erasures) {
    }
}
