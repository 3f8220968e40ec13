package io.github.vocstream.ingest.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * The external id an item is kept under. A Mastodon status URI names its author's account
 * ({@code https://host/users/kim/statuses/1}) and a Bluesky AT URI its author's DID, and ids reach the query API in
 * evidence; such ids are kept as a hash of the platform's URI instead. The hash has no key, so the same post maps to
 * the same id after any restart and a redelivery still counts once; it names no one, and a hashed id, having no
 * {@code ://}, is kept as it is, so a client may send back the id it was given.
 */
public final class ExternalIds {

    /** Platforms whose post URIs name their author. */
    private static final Set<String> AUTHOR_NAMING = Set.of("mastodon", "bluesky");
    private static final int HASH_CHARACTERS = 27;

    private ExternalIds() {
    }

    public static String of(String source, String externalId) {
        if (!AUTHOR_NAMING.contains(source) || !externalId.contains("://")) {
            return externalId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
            // 27 base64url characters: 160 bits, far beyond any collision among one source's posts.
            return "h-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
