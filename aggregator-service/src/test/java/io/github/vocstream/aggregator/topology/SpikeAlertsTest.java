package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Alerts through the whole topology: a week of ordinary negative mentions of one theme in two teams, then three times
 * the rate in one team for 30 minutes. That team's theme alerts once, during the spike, and so do the segments that
 * contain it; the other team, with noise only, never does.
 */
class SpikeAlertsTest {

    private static final Instant WEEK_LATER = AggregatorDriver.START.plus(Duration.ofDays(7));

    @Test
    void aTripledRateOnOneThemeInOneSegmentAlertsOnceDuringTheSpikeAndNoiseNever() {
        Random random = new Random(17);
        Instant spikeEnd = WEEK_LATER.plus(Duration.ofMinutes(30));
        List<AnnotatedFeedback> feedback = new ArrayList<>();
        feedback.addAll(AnnotatedFeedbacks.negativeMentions(random, "alpha", "bugs", AggregatorDriver.START, WEEK_LATER, 20));
        feedback.addAll(AnnotatedFeedbacks.negativeMentions(random, "alpha", "bugs", WEEK_LATER, spikeEnd, 60));
        feedback.addAll(AnnotatedFeedbacks.negativeMentions(random, "beta", "bugs", AggregatorDriver.START, spikeEnd, 20));
        feedback.sort(Comparator.comparing(item -> item.feedback().occurredAt()));

        List<Alert> alerts;
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            feedback.forEach(driver::pipe);
            alerts = driver.alerts.readValuesToList();
        }

        assertThat(alerts).filteredOn(alert -> alert.segment().equals("team:alpha") && "bugs".equals(alert.theme()))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.at()).isAfter(WEEK_LATER).isBefore(spikeEnd);
                    assertThat(alert.kind()).isEqualTo("negative-rate");
                    assertThat(alert.usual()).as("negative mentions an hour, usually").isBetween(15.0, 25.0);
                });
        assertThat(alerts).noneMatch(alert -> alert.segment().equals("team:beta"));
        assertThat(alerts).extracting(Alert::id).doesNotHaveDuplicates();
    }

    @Test
    void aNewTermSaidOverAndOverIsAnEmergingTermAlertOnce() {
        List<AnnotatedFeedback> feedback = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            feedback.add(AnnotatedFeedbacks.aboutTheme("term-" + i, WEEK_LATER.plus(Duration.ofMinutes(3L * i)), "delivery",
                    SentimentLabel.NEGATIVE, -0.5, Map.of("team", "gamma"), "courier app"));
        }

        List<Alert> alerts;
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            feedback.forEach(driver::pipe);
            alerts = driver.alerts.readValuesToList();
        }

        assertThat(alerts).filteredOn(alert -> alert.segment().equals("team:gamma") && "emerging-term".equals(alert.kind()))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.term()).isEqualTo("courier app");
                    assertThat(alert.theme()).isNull();
                    assertThat(alert.statistic()).isGreaterThanOrEqualTo(AlertSettings.defaults().emergingThreshold());
                    assertThat(alert.at()).isAfter(WEEK_LATER).isBefore(WEEK_LATER.plus(Duration.ofMinutes(60)));
                });
    }
}
