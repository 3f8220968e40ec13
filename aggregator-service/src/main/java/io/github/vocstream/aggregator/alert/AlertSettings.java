package io.github.vocstream.aggregator.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code voc.alerts.*}: when a change in what customers say is an alert (see {@link SpikeDetector}).
 *
 * @param baseline       the time constant of the usual rate and share a subject is compared with
 * @param recent         the time constant of what is happening now: shorter finds spikes sooner and sees more noise
 * @param warmUp         how much event time a subject needs behind it before it can alert: a week-long baseline is
 *                       estimated from what there is, and a few hours are too little to call anything unusual
 * @param rateThreshold  how many standard deviations the recent negative mentions must lie above the usual rate
 * @param shareThreshold the same for the negative share of the recent mentions
 * @param minRecent      negative mentions (decayed) a subject needs now to alert: a rare theme going from one
 *                       mention a day to three is not news
 * @param cooldown       the least event time between two alerts on the same subject
 * @param emergingThreshold the emerging score ({@code GET .../emerging}) at which a candidate term is an alert
 */
@ConfigurationProperties("voc.alerts")
public record AlertSettings(
        @Bindable(defaultValue = "7d") Duration baseline,
        @Bindable(defaultValue = "15m") Duration recent,
        @Bindable(defaultValue = "1d") Duration warmUp,
        @Bindable(defaultValue = "5") double rateThreshold,
        @Bindable(defaultValue = "5") double shareThreshold,
        @Bindable(defaultValue = "5") double minRecent,
        @Bindable(defaultValue = "6h") Duration cooldown,
        @Bindable(defaultValue = "8") double emergingThreshold) {

    public static AlertSettings defaults() {
        return new AlertSettings(Duration.ofDays(7), Duration.ofMinutes(15), Duration.ofDays(1), 5, 5, 5, Duration.ofHours(6), 8);
    }
}
