package io.github.vocstream.aggregator.topology;

import io.github.vocstream.common.event.SentimentLabel;
import java.time.Instant;

/** A sentence behind a number: which feedback it is from, when that was written, and how it reads. */
public record Evidence(String feedbackId, Instant occurredAt, String sentence, SentimentLabel label, double score) {
}
