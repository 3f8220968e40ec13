package io.github.vocstream.benchmarks;

import static io.github.vocstream.aggregator.alert.SimulatedMentions.alerts;
import static io.github.vocstream.aggregator.alert.SimulatedMentions.poisson;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.alert.SimulatedMentions.Mention;
import io.github.vocstream.aggregator.alert.SpikeDetector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The alert detector on simulated months of one theme in one segment: Poisson noise of {@code --negative} negative and
 * {@code --other} other mentions an hour, and, in the spike runs, one hour at 2, 3 or 5 times the negative rate at a
 * random moment after the first week. Prints false alerts per simulated month (noise only) and, per spike size, how
 * often and how soon (event-time minutes from the spike's start) it was found. Usage:
 * {@code bench/run.sh spikes [--months N] [--negative R] [--other R] [--recent PT15M] [--rate-threshold Z] [--share-threshold Z]}.
 */
public final class SpikeDetection {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);

    private SpikeDetection() {
    }

    public static void main(String[] args) {
        int months = Integer.parseInt(Options.option(args, "--months", "100"));
        double negative = Double.parseDouble(Options.option(args, "--negative", "20"));
        double other = Double.parseDouble(Options.option(args, "--other", "40"));
        AlertSettings defaults = AlertSettings.defaults();
        AlertSettings settings = new AlertSettings(defaults.baseline(),
                Duration.parse(Options.option(args, "--recent", defaults.recent().toString())), defaults.warmUp(),
                Double.parseDouble(Options.option(args, "--rate-threshold", Double.toString(defaults.rateThreshold()))),
                Double.parseDouble(Options.option(args, "--share-threshold", Double.toString(defaults.shareThreshold()))),
                defaults.minRecent(), defaults.cooldown(), defaults.emergingThreshold());
        SpikeDetector detector = new SpikeDetector(settings);

        long falseAlerts = 0;
        for (int month = 0; month < months; month++) {
            Random random = new Random(month);
            List<Mention> mentions = new ArrayList<>(poisson(random, START, START.plus(MONTH), negative, true));
            mentions.addAll(poisson(random, START, START.plus(MONTH), other, false));
            falseAlerts += alerts(detector, mentions).size();
        }
        System.out.printf(Locale.ROOT, "spike detection, %s negative and %s other mentions an hour, recent %s, rate threshold %s,"
                + " share threshold %s%n", negative, other, settings.recent(), settings.rateThreshold(), settings.shareThreshold());
        System.out.printf(Locale.ROOT, "  noise only: %d false alerts in %d simulated months (%.2f per month)%n",
                falseAlerts, months, (double) falseAlerts / months);

        for (double factor : new double[] {2, 3, 5}) {
            List<Double> delays = new ArrayList<>();
            for (int month = 0; month < months; month++) {
                Random random = new Random(1_000 + month);
                Instant spike = START.plus(Duration.ofDays(7)).plusSeconds(random.nextInt((int) Duration.ofDays(20).toSeconds()));
                Instant spikeEnd = spike.plus(Duration.ofHours(1));
                List<Mention> mentions = new ArrayList<>(poisson(random, START, spike, negative, true));
                mentions.addAll(poisson(random, spike, spikeEnd, negative * factor, true));
                mentions.addAll(poisson(random, spikeEnd, START.plus(MONTH), negative, true));
                mentions.addAll(poisson(random, START, START.plus(MONTH), other, false));
                alerts(detector, mentions).stream().filter(at -> !at.isBefore(spike) && at.isBefore(spikeEnd.plus(Duration.ofHours(1))))
                        .findFirst().ifPresent(at -> delays.add(Duration.between(spike, at).toMillis() / 60_000.0));
            }
            delays.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "  %.0fx for an hour: found in %d of %d; delay p50 %.1f, p90 %.1f, max %.1f minutes%n", factor,
                    delays.size(), months, quantile(delays, 0.5), quantile(delays, 0.9), quantile(delays, 1.0));
        }
    }

    private static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
    }
}
