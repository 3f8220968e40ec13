package io.github.vocstream.ingest.webhook;

import io.micronaut.context.annotation.Context;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which webhook sources were explicitly declared open ({@link OpenWebhooksConfiguration}). Checked at start-up
 * ({@link Context}): a misspelt name stops the start rather than leaving a source closed that its operator meant
 * open. A source that has a secret configured is verified regardless.
 */
@Context
public class OpenWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(OpenWebhooks.class);
    static final Set<String> SOURCES = Set.of("zendesk", "intercom", "zammad", "helpscout", "chatwoot", "freshdesk", "trustpilot");
    static final String STANDARD = "standard/";

    private final Set<String> open;

    public OpenWebhooks(OpenWebhooksConfiguration configuration) {
        Set<String> names = new TreeSet<>();
        for (String name : configuration.open()) {
            String source = name.strip();
            if (source.isEmpty()) {
                continue;
            }
            if (!SOURCES.contains(source) && !(source.startsWith(STANDARD) && source.length() > STANDARD.length())) {
                throw new IllegalStateException("voc.webhooks.open names '" + source + "', which is no webhook source; known are "
                        + new TreeSet<>(SOURCES) + " and standard/<source>");
            }
            names.add(source);
        }
        this.open = Set.copyOf(names);
        if (!names.isEmpty()) {
            LOG.warn("Webhooks of {} are open: without a configured secret they are accepted unverified (voc.webhooks.open)", names);
        }
    }

    /** Whether {@code source} ({@code zendesk}, or {@code standard/<source>} for Standard Webhooks) is declared open. */
    public boolean isOpen(String source) {
        return open.contains(source);
    }

    /** The name a Standard Webhooks source is declared open by. */
    public static String standard(String source) {
        return STANDARD + source;
    }
}
