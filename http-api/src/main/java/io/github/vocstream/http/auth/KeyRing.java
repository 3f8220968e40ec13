package io.github.vocstream.http.auth;

import io.github.vocstream.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * The keys of an API's clients, sent as {@code X-Api-Key} or {@code Authorization: Bearer}. Without any key
 * configured every request is refused, unless the API is declared open. Keys are compared in constant time, and
 * never named in an answer.
 */
public final class KeyRing {

    public static final String HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final List<Map.Entry<String, byte[]>> keys;
    private final boolean open;
    private final String keySetting;
    private final String openSetting;

    /** {@code keySetting} and {@code openSetting} name the settings in the answer to a request without a usable key. */
    public KeyRing(Map<String, String> keysByClient, boolean open, String keySetting, String openSetting) {
        this.keys = keysByClient == null ? List.of() : keysByClient.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().strip().getBytes(StandardCharsets.UTF_8)))
                .toList();
        this.open = open;
        this.keySetting = keySetting;
        this.openSetting = openSetting;
    }

    public boolean isOpen() {
        return open;
    }

    /** The clients that have a key. */
    public List<String> clients() {
        return keys.stream().map(Map.Entry::getKey).toList();
    }

    /** The client the request's key belongs to, or null when the API is open; a 401 otherwise. */
    public String requireClient(String apiKey, String authorization) {
        if (open) {
            return null;
        }
        if (keys.isEmpty()) {
            throw ProblemException.unauthorized("no API key is configured, so the API takes nothing; set " + keySetting
                    + ", or " + openSetting + "=true to take everything");
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
        return client;
    }
}
