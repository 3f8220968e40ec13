package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.Evidence;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A sentence behind a number, as the API shows it. */
@Serdeable
public record EvidenceView(String feedbackId, Instant occurredAt, String sentence, String label, double score) {

    static List<EvidenceView> of(List<Evidence> evidence) {
        return evidence.stream().map(e -> new EvidenceView(e.feedbackId(), e.occurredAt(), e.sentence(),
                e.label().name().toLowerCase(Locale.ROOT), e.score())).toList();
    }
}
