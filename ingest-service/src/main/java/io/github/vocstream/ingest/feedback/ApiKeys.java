package io.github.vocstream.ingest.feedback;

import io.github.vocstream.support.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may use the generic API ({@code POST /v1/feedback}): each client has a key
 * ({@code voc.ingest.api-keys.<client>}, through {@code VOC_INGEST_API_KEYS_<CLIENT>}), sent as {@code X-Api-Key} or
 * {@code Authorization: Bearer}. Without any key configured every request is refused, unless the API is
 * explicitly declared open ({@code voc.ingest.open=true}), as for a demo on one's own machine.
 */
@Singleton
public class ApiKeys {

    public static final String HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final boolean open;
    private final List<Map.Entry<String, byte[]>> keys;
    private final Map<String, Set<String>> sources = new HashMap<>();

    public ApiKeys(ApiKeysConfiguration configuration) {
        this.open = configuration.open();
        this.keys = configuration.apiKeys() == null ? List.of() : configuration.apiKeys().entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().strip().getBytes(StandardCharsets.UTF_8)))
                .toList();
        for (Map.Entry<String, byte[]> key : keys) {
            String configured = configuration.clientSources() == null ? null : configuration.clientSources().get(key.getKey());
            sources.put(key.getKey(), configured == null ? Set.of(key.getKey()) : Arrays.stream(configured.split(","))
                    .map(String::strip).filter(source -> !source.isEmpty()).map(source -> source.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet()));
        }
    }

    /** The client the request's key belongs to, and what it may write; a 401 without a known key. */
    public Client requireClient(@Nullable String apiKey, @Nullable String authorization) {
        if (open) {
            return Client.anyone();
        }
        if (keys.isEmpty()) {
            throw ProblemException.unauthorized("no API key is configured, so the API takes nothing; "
                    + "set voc.ingest.api-keys.<client>, or voc.ingest.open=true to take everything");
        }
        String given = apiKey != null && !apiKey.isBlank() ? apiKey.strip()
                : authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).strip() : null;
        if (given == null) {
            throw ProblemException.unauthorized("send your API key as " + HEADER + " or as Authorization: Bearer");
        }
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        String client = null;
        for (Map.Entry<String, byte[]> key : keys) {
            // Every key is compared, in constant time, so timing tells nothing.
            if (MessageDigest.isEqual(key.getValue(), bytes)) {
                client = key.getKey();
            }
        }
        if (client == null) {
            throw ProblemException.unauthorized("the API key is not a configured one");
        }
        return new Client(client, sources.get(client));
    }
}
