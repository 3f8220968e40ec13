package io.github.vocstream.aggregator.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Mentions of one theme in one segment at Poisson rates, and the alerts the detector raises on them in event-time
 * order: what {@link SpikeDetectorTest} checks and the {@code spikes} benchmark measures.
 */
public final class SimulatedMentions {

    /** A mention at {@code at}, negative or not. */
    public record Mention(Instant at, boolean negative) {
    }

    private SimulatedMentions() {
    }

    /** Event times at a Poisson rate of {@code perHour} between {@code from} and {@code to}. */
    public static List<Instant> arrivals(Random random, Instant from, Instant to, double perHour) {
        List<Instant> times = new ArrayList<>();
        double meanGapMillis = Duration.ofHours(1).toMillis() / perHour;
        Instant at = from;
        while (true) {
            at = at.plusMillis((long) (-Math.log(1 - random.nextDouble()) * meanGapMillis));
            if (!at.isBefore(to)) {
                return times;
            }
            times.add(at);
        }
    }

    /** Mentions at a Poisson rate of {@code perHour} between {@code from} and {@code to}. */
    public static List<Mention> poisson(Random random, Instant from, Instant to, double perHour, boolean negative) {
        return arrivals(random, from, to, perHour).stream().map(at -> new Mention(at, negative)).toList();
    }

    /** The event times at which {@code detector} alerts, fed {@code mentions} in event-time order. */
    public static List<Instant> alerts(SpikeDetector detector, List<Mention> mentions) {
        List<Instant> alerts = new ArrayList<>();
        SpikeState state = null;
        for (Mention mention : mentions.stream().sorted(Comparator.comparing(Mention::at)).toList()) {
            SpikeDetector.Step step = detector.observe(state, mention.at(), mention.negative());
            state = step.state();
            step.alert().ifPresent(alert -> alerts.add(mention.at()));
        }
        return alerts;
    }
}
