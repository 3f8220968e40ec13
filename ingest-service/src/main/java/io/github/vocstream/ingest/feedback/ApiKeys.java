package io.github.vocstream.ingest.feedback;

import io.github.vocstream.http.auth.KeyRing;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may use the keyed endpoints ({@code POST /v1/feedback}, reviews, social, the stream, retractions): each client
 * has a key ({@code voc.ingest.api-keys.<client>}, through {@code VOC_INGEST_API_KEYS_<CLIENT>}), sent as
 * {@code X-Api-Key} or {@code Authorization: Bearer}, and the sources it may write ({@link Client}). Without any key
 * configured every request is refused, unless the API is explicitly declared open ({@code voc.ingest.open=true}), as
 * for a demo on one's own machine.
 */
@Singleton
public class ApiKeys {

    public static final String HEADER = KeyRing.HEADER;

    private final KeyRing keys;
    private final Map<String, Set<String>> sources = new HashMap<>();

    public ApiKeys(ApiKeysConfiguration configuration) {
        this.keys = new KeyRing(configuration.apiKeys(), configuration.open(), "voc.ingest.api-keys.<client>", "voc.ingest.open");
        for (String client : keys.clients()) {
            String configured = configuration.clientSources() == null ? null : configuration.clientSources().get(client);
            sources.put(client, configured == null ? Set.of(client) : Arrays.stream(configured.split(","))
                    .map(String::strip).filter(source -> !source.isEmpty()).map(source -> source.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet()));
        }
    }

    /** The client the request's key belongs to, and what it may write; a 401 without a known key. */
    public Client requireClient(@Nullable String apiKey, @Nullable String authorization) {
        String client = keys.requireClient(apiKey, authorization);
        return client == null ? Client.anyone() : Client.ofKey(client, sources.get(client));
    }
}
