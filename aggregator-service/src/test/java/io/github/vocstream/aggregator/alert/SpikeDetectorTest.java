package io.github.vocstream.aggregator.alert;

import static io.github.vocstream.aggregator.alert.SimulatedMentions.poisson;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.aggregator.alert.SimulatedMentions.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private final SpikeDetector detector = new SpikeDetector(AlertSettings.defaults());

    @Test
    void aTripledNegativeRateAfterAnOrdinaryWeekGivesOneAlertSoonAfterItStarts() {
        Random random = new Random(7);
        Instant spike = START.plus(Duration.ofDays(7));
        List<Mention> mentions = new ArrayList<>();
        // 20 negative and 40 other mentions an hour for a week, then 60 negative an hour for 30 minutes, then usual again.
        mentions.addAll(poisson(random, START, spike, 20, true));
        mentions.addAll(poisson(random, START, spike.plus(Duration.ofHours(6)), 40, false));
        mentions.addAll(poisson(random, spike, spike.plus(Duration.ofMinutes(30)), 60, true));
        mentions.addAll(poisson(random, spike.plus(Duration.ofMinutes(30)), spike.plus(Duration.ofHours(6)), 20, true));

        List<Instant> alerts = run(mentions);

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).isAfter(spike).isBefore(spike.plus(Duration.ofMinutes(30)));
    }

    @Test
    void ordinaryNoiseForAMonthGivesNoAlert() {
        Random random = new Random(12);
        Instant end = START.plus(Duration.ofDays(30));
        List<Mention> mentions = new ArrayList<>(poisson(random, START, end, 20, true));
        mentions.addAll(poisson(random, START, end, 40, false));

        assertThat(run(mentions)).isEmpty();
    }

    @Test
    void aSubjectYoungerThanTheWarmUpNeverAlertsAndARareOneNeedsItsMinimum() {
        Random random = new Random(3);
        // The first hours of a new theme look like a spike over nothing.
        List<Mention> young = poisson(random, START, START.plus(Duration.ofHours(12)), 60, true);
        assertThat(run(young)).isEmpty();
        // One negative mention a day, then three in an hour: a tripling, but not news.
        List<Mention> rare = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            rare.add(new Mention(START.plus(Duration.ofDays(day)), true));
        }
        for (int i = 0; i < 3; i++) {
            rare.add(new Mention(START.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(10L * i)), true));
        }
        assertThat(run(rare)).isEmpty();
    }

    @Test
    void theSameMentionsInTheSameOrderGiveTheSameAlertsAtTheSameEventTimes() {
        Instant spike = START.plus(Duration.ofDays(7));
        List<Mention> mentions = new ArrayList<>(poisson(new Random(5), START, spike, 20, true));
        mentions.addAll(poisson(new Random(6), spike, spike.plus(Duration.ofHours(1)), 80, true));

        assertThat(run(mentions)).isEqualTo(run(mentions)).isNotEmpty();
    }

    private List<Instant> run(List<Mention> mentions) {
        return SimulatedMentions.alerts(detector, mentions);
    }
}
