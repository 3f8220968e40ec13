package io.github.vocstream.common.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request to erase a customer: every item whose author is one of {@code authors} leaves every table, and its text
 * the topics. Kept on its topic as the audit of erasures, so it holds the author hashes only, never a reference in
 * clear.
 *
 * @param id          the erasure's id, under which its progress can be asked for
 * @param requestedAt when ingest took the request; items received later are new feedback
 * @param client      who asked: the name of the API key's client
 * @param references  how many author references the request named (each may give several hashes: one per key)
 * @param authors     the author hashes to erase, as ingest writes them into items
 */
public record Erasure(int schemaVersion, String id, Instant requestedAt, String client, int references, List<String> authors) {

    public static final int SCHEMA_VERSION = 1;

    public Erasure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestedAt, "requestedAt");
        authors = List.copyOf(authors);
    }
}
