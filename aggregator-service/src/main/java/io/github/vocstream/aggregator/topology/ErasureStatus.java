package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.vocstream.common.event.Erasure;
import java.time.Instant;

/**
 * How far an erasure got: who asked when, how many author references and hashes it named, for how many of those
 * hashes the aggregator has taken the author's items out, how many items that was, and when it last took some out.
 * Each author's part is applied where that author's items are indexed and reported as a status of its own
 * ({@code authorsApplied} 1), which {@link #plus} adds up.
 */
public record ErasureStatus(String id, Instant requestedAt, String client, int references, int authors, int authorsApplied,
                           long itemsRetracted, Instant lastAppliedAt) {

    static ErasureStatus requested(Erasure erasure) {
        return new ErasureStatus(erasure.id(), erasure.requestedAt(), erasure.client(), erasure.references(),
                erasure.authors().size(), 0, 0, null);
    }

    /** One author's part of this erasure, applied at {@code at}: {@code items} taken out. */
    ErasureStatus appliedFor(long items, Instant at) {
        return new ErasureStatus(id, requestedAt, client, references, authors, 1, items, at);
    }

    /** This status with another author's part added. */
    ErasureStatus plus(ErasureStatus part) {
        Instant latest = lastAppliedAt == null || part.lastAppliedAt.isAfter(lastAppliedAt) ? part.lastAppliedAt : lastAppliedAt;
        return new ErasureStatus(id, requestedAt, client, references, authors, authorsApplied + part.authorsApplied,
                itemsRetracted + part.itemsRetracted, latest);
    }

    /** True once every author hash has been applied. */
    @JsonIgnore
    public boolean isComplete() {
        return authorsApplied >= authors;
    }
}
