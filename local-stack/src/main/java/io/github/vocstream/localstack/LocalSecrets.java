package io.github.vocstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's secrets: the API key for ingest's generic API ({@code .voc-local/api-key}) and the key of the
 * author hashes ({@code .voc-local/author-key}), each drawn at random the first time and kept, readable by its owner
 * only, so that curl examples can read the API key, erasure finds authors across restarts, and no key lives in the
 * code.
 */
public final class LocalSecrets {

    private LocalSecrets() {
    }

    public static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String key = random();
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    /** A new random secret, for a stack that lives as long as its process (tests, benchmarks). */
    public static String random() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
