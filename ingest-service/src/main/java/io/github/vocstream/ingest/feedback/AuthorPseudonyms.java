package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What becomes of a feedback item's author reference before it leaves ingest ({@code voc.ingest.author}):
 * {@code hash} (the default) replaces it by a keyed hash of source and reference, so one customer's items still
 * belong together but nobody downstream can read or look up who they are; {@code keep} passes it on; {@code drop}
 * removes it. The key comes from {@code voc.ingest.author-key} and is required for {@code hash}: an erasure finds a
 * customer's items by their hash, so a key that changed unnoticed (a random one per start) would leave their items
 * where no erasure can find them. Keys used before ({@code voc.ingest.author-previous-keys}) are kept for erasure.
 */
@Singleton
public class AuthorPseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    // 128 bits of the HMAC: far beyond any collision among customers, and short.
    private static final int HASH_BYTES = 16;

    private final IngestConfiguration.AuthorHandling handling;
    /** The current key first, then the previous ones. */
    private final List<byte[]> keys = new ArrayList<>();

    public AuthorPseudonyms(IngestConfiguration configuration) {
        this.handling = configuration.author();
        String configured = configuration.authorKey();
        if (handling == IngestConfiguration.AuthorHandling.HASH && (configured == null || configured.isBlank())) {
            throw new IllegalStateException("voc.ingest.author-key (VOC_INGEST_AUTHOR_KEY) is required while authors are "
                    + "hashed (voc.ingest.author=hash, the default): set it to a long random secret and keep it; erasure finds "
                    + "a customer's items by the hash it keys");
        }
        if (configured != null && !configured.isBlank()) {
            keys.add(configured.getBytes(StandardCharsets.UTF_8));
        }
        if (configuration.authorPreviousKeys() != null) {
            configuration.authorPreviousKeys().stream().filter(key -> !key.isBlank())
                    .forEach(key -> keys.add(key.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** True when items carry a hash of their author, which an erasure can find them by. */
    public boolean hashes() {
        return handling == IngestConfiguration.AuthorHandling.HASH;
    }

    public FeedbackEvent apply(FeedbackEvent event) {
        if (event.author() == null || handling == IngestConfiguration.AuthorHandling.KEEP) {
            return event;
        }
        return event.withAuthor(handling == IngestConfiguration.AuthorHandling.DROP ? null : hash(event.source(), event.author()));
    }

    String hash(String source, String author) {
        return hash(keys.get(0), source, author);
    }

    /** The hashes {@code author} at {@code source} had under the current key and under each previous one. */
    public List<String> hashesOf(String source, String author) {
        return keys.stream().map(key -> hash(key, source, author)).distinct().toList();
    }

    private static String hash(byte[] key, String source, String author) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((source + ":" + author).getBytes(StandardCharsets.UTF_8));
            byte[] kept = new byte[HASH_BYTES];
            System.arraycopy(digest, 0, kept, 0, HASH_BYTES);
            return "h:" + Base64.getUrlEncoder().withoutPadding().encodeToString(kept);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + ALGORITHM, e);
        }
    }
}
