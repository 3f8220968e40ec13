package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.common.event.Alert;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** Alerts as the API shows them: the records of the alerts topic. */
@Serdeable
public record AlertList(List<AlertView> alerts) {

    /** One alert; {@code theme} is null for a segment's feedback as a whole, {@code term} set for an emerging term. */
    @Serdeable
    public record AlertView(String id, String segment, String theme, String term, String kind, Instant at, double statistic,
                            double usual, double recent) {

        public static AlertView of(Alert alert) {
            return new AlertView(alert.id(), alert.segment(), alert.theme(), alert.term(), alert.kind(), alert.at(),
                    alert.statistic(), alert.usual(), alert.recent());
        }
    }
}
