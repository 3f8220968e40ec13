package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;

/**
 * The withdrawal, at its source, of feedback published before (a deleted post): it leaves every aggregate and its
 * sentences are no longer shown. Published as a record under the feedback id without a value.
 */
public record Retraction(String source, String feedbackId) {

    public static Retraction of(String source, String externalId) {
        return new Retraction(source, FeedbackEvent.idOf(source, ExternalIds.of(source, externalId)));
    }
}
