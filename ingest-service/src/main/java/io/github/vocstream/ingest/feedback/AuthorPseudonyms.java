package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a feedback item's author reference before it leaves ingest ({@code voc.ingest.author}):
 * {@code hash} (the default) replaces it by a keyed hash of source and reference, so one customer's items still
 * belong together but nobody downstream can read or look up who they are; {@code keep} passes it on; {@code drop}
 * removes it. The key comes from {@code voc.ingest.author-key}; without one a random key is drawn at start, which
 * keeps authors apart but not the same across restarts.
 */
@Singleton
public class AuthorPseudonyms {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorPseudonyms.class);
    private static final String ALGORITHM = "HmacSHA256";
    // 128 bits of the HMAC: far beyond any collision among customers, and short.
    private static final int HASH_BYTES = 16;

    private final IngestConfiguration.AuthorHandling handling;
    private final byte[] key;

    public AuthorPseudonyms(IngestConfiguration configuration) {
        this.handling = configuration.author();
        String configured = configuration.authorKey();
        if (configured == null || configured.isBlank()) {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
            if (handling == IngestConfiguration.AuthorHandling.HASH) {
                LOG.warn("voc.ingest.author-key is not set: author hashes will differ after a restart");
            }
        } else {
            this.key = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    public FeedbackEvent apply(FeedbackEvent event) {
        if (event.author() == null || handling == IngestConfiguration.AuthorHandling.KEEP) {
            return event;
        }
        return event.withAuthor(handling == IngestConfiguration.AuthorHandling.DROP ? null : hash(event.source(), event.author()));
    }

    String hash(String source, String author) {
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
