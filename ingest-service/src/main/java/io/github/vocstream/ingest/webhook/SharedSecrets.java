package io.github.vocstream.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Configured values a sender that signs nothing proves itself with, as they are: a URL token, a shared header
 * secret, Basic credentials. Several may be active while rotating.
 */
public final class SharedSecrets {

    private final List<byte[]> values;

    private SharedSecrets(List<byte[]> values) {
        this.values = values;
    }

    /** The non-blank {@code configured} values, stripped. */
    public static SharedSecrets of(List<String> configured) {
        return new SharedSecrets(configured.stream().map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> value.getBytes(StandardCharsets.UTF_8)).toList());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether {@code given} is one of the values; all are compared, in constant time, so timing tells nothing. */
    public boolean contains(String given) {
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] value : values) {
            match |= MessageDigest.isEqual(value, bytes);
        }
        return match;
    }
}
