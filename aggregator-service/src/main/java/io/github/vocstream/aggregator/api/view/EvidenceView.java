package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.topology.Evidence;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A sentence behind a number, as the API shows it.
 *
 * @param highlights where the theme's words are in {@code sentence}: character offsets, end exclusive
 */
@Serdeable
public record EvidenceView(String feedbackId, Instant occurredAt, String sentence, String label, double score,
                           List<Span> highlights) {

    /** Characters {@code [begin, end)} of the sentence. */
    @Serdeable
    public record Span(int begin, int end) {
    }

    public static List<EvidenceView> of(List<Evidence> evidence) {
        return evidence.stream().map(e -> new EvidenceView(e.feedbackId(), e.occurredAt(), e.sentence(),
                e.label().name().toLowerCase(Locale.ROOT), e.score(),
                e.highlights().stream().map(h -> new Span(h.begin(), h.end())).toList())).toList();
    }
}
