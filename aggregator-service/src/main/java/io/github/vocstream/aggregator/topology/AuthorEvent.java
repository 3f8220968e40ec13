package io.github.vocstream.aggregator.topology;

import java.time.Instant;

/**
 * What the author index hears about one author (the record's key, an author hash): that an item of theirs was
 * counted ({@code feedbackId}, received at {@code receivedAt}), or that they are to be erased ({@code erasure}).
 */
record AuthorEvent(String feedbackId, Instant receivedAt, ErasureStatus erasure) {

    static AuthorEvent wrote(String feedbackId, Instant receivedAt) {
        return new AuthorEvent(feedbackId, receivedAt, null);
    }

    static AuthorEvent erase(ErasureStatus erasure) {
        return new AuthorEvent(null, null, erasure);
    }
}
