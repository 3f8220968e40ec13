package io.github.vocstream.ingest.webhook.freshdesk;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Map;

/**
 * {@code voc.webhooks.freshdesk.*}. Freshdesk signs nothing, so a delivery must carry a shared secret in
 * {@code X-Webhook-Secret} ({@code secrets}) or Basic credentials ({@code basic}, {@code user:password}); none
 * configured refuses everything. Its body is whatever the admin wrote in the automation rule, so where each field
 * is read is configuration too: JSON pointers into the body.
 *
 * @param id       the ticket id, the feedback's external id
 * @param text     the description or the customer's message (HTML is made plain)
 * @param tags     the tags, comma-separated as Freshdesk's placeholder writes them
 * @param segments segment name to pointer; left empty, priority, status, group and type are read from the default
 *                 Freshdesk placeholders' usual names
 */
@ConfigurationProperties("voc.webhooks.freshdesk")
public record FreshdeskWebhookConfiguration(
        @Bindable(defaultValue = "") List<String> secrets,
        @Bindable(defaultValue = "") List<String> basic,
        @Bindable(defaultValue = "/freshdesk_webhook/ticket_id") String id,
        @Bindable(defaultValue = "/freshdesk_webhook/ticket_description") String text,
        @Bindable(defaultValue = "/freshdesk_webhook/ticket_subject") String title,
        @Bindable(defaultValue = "/freshdesk_webhook/ticket_contact_email") String author,
        @Bindable(defaultValue = "/freshdesk_webhook/ticket_tags") String tags,
        @Nullable Map<String, String> segments) {

    static final Map<String, String> DEFAULT_SEGMENTS = Map.of(
            "priority", "/freshdesk_webhook/ticket_priority",
            "status", "/freshdesk_webhook/ticket_status",
            "group", "/freshdesk_webhook/ticket_group_name",
            "type", "/freshdesk_webhook/ticket_type");

    public Map<String, String> segmentsOrDefault() {
        return segments == null || segments.isEmpty() ? DEFAULT_SEGMENTS : segments;
    }

    /** Names which credentials are set, never their values. */
    @Override
    public String toString() {
        return "FreshdeskWebhookConfiguration[secrets=" + secrets.size() + ", basic=" + basic.size() + ", id=" + id
                + ", text=" + text + ", title=" + title + ", author=" + author + ", tags=" + tags + ", segments=" + segmentsOrDefault() + "]";
    }
}
