package io.github.vocstream.aggregator.alert;

import io.github.vocstream.aggregator.topology.AggregatorConfiguration;
import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingScore;
import io.github.vocstream.aggregator.topology.SegmentUpdate;
import io.github.vocstream.aggregator.topology.StoreKeys;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches every segment, and every theme in it, for a rise in negative feedback ({@link SpikeDetector}), one item at
 * a time on event time, and forwards an {@link Alert} keyed by its id when one starts. The detectors' state is in
 * {@link #STORE}, changed in the same transaction as the counts, so an alert is raised exactly once, also across
 * crashes, and a replay raises the same ones. Retractions are not fed back: an alert tells what was seen then.
 * Candidate terms whose emerging score ({@link EmergingScore}, as {@code GET .../emerging} ranks them) reaches
 * {@code voc.alerts.emerging-threshold} with {@code minRecent} recent mentions are alerts too, once until their score
 * falls below half of it and at most once per cooldown; the scores are read from the candidates store, which the
 * segment tables have updated with the same item just before.
 */
public final class SpikeAlerts implements Processor<String, SegmentUpdate, String, Alert> {

    public static final String STORE = "alert-state";
    /** The subject key of a segment's feedback as a whole; theme subjects are {@code segment|theme}. */
    private static final String WHOLE = "";

    private static final String TERM = "term:";

    private final AlertSettings settings;
    private final AggregatorConfiguration configuration;
    private final SpikeDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SpikeState> states;
    private KeyValueStore<String, CandidateStats> candidates;

    public SpikeAlerts(AlertSettings settings, AggregatorConfiguration configuration) {
        this.settings = settings;
        this.configuration = configuration;
        this.detector = new SpikeDetector(settings);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
        this.candidates = context.getStateStore(AggregatorTopology.SEGMENT_CANDIDATES_STORE);
    }

    @Override
    public void process(Record<String, SegmentUpdate> record) {
        SegmentUpdate update = record.value();
        String segment = record.key();
        if (update.retracted()) {
            // A term whose last mention was retracted leaves nothing behind, not even its name as a key.
            for (String term : update.candidates().keySet()) {
                if (candidates.get(StoreKeys.of(segment, term)) == null) {
                    states.delete(StoreKeys.of(segment, TERM + term));
                }
            }
            return;
        }
        // An item nobody scored says nothing about how negative customers are: it neither raises nor dilutes a share.
        if (update.occurredAt() == null || update.label() == null) {
            return;
        }
        observe(record, segment, null, update.occurredAt(), update.label() == SentimentLabel.NEGATIVE);
        for (ThemeSentiment verdict : update.themes()) {
            observe(record, segment, verdict.theme(), update.occurredAt(), verdict.label() == SentimentLabel.NEGATIVE);
        }
        for (String term : update.candidates().keySet()) {
            observeTerm(record, segment, term);
        }
    }

    private void observeTerm(Record<String, SegmentUpdate> record, String segment, String term) {
        CandidateStats stats = candidates.get(StoreKeys.of(segment, term));
        if (stats == null || stats.decayedTo() == null) {
            return;
        }
        Instant now = stats.decayedTo();
        EmergingScore score = EmergingScore.of(stats, now, configuration.emergingRecent(), configuration.emergingBaseline());
        String key = StoreKeys.of(segment, TERM + term);
        SpikeState known = states.get(key);
        SpikeState state = known == null ? SpikeState.first(now) : known;
        boolean alerting = state.alerting() && score.score() >= settings.emergingThreshold() / 2;
        boolean cooled = state.lastAlertAt() == null || !now.isBefore(state.lastAlertAt().plus(settings.cooldown()));
        Instant lastAlertAt = state.lastAlertAt();
        if (!alerting && cooled && score.score() >= settings.emergingThreshold() && score.recent() >= settings.minRecent()) {
            alerting = true;
            lastAlertAt = now;
            Alert alert = new Alert(Alert.SCHEMA_VERSION, idOf(segment, TERM + term, "emerging-term", now), segment, null, term,
                    "emerging-term", now, score.score(), score.expected(), score.recent());
            context.forward(new Record<>(alert.id(), alert, record.timestamp(), record.headers()));
        }
        if (known == null || alerting != state.alerting() || !Objects.equals(lastAlertAt, state.lastAlertAt())) {
            states.put(key, new SpikeState(0, 0, 0, 0, now, state.since(), alerting, lastAlertAt));
        }
    }

    private void observe(Record<String, SegmentUpdate> record, String segment, String theme, Instant at, boolean negative) {
        String key = StoreKeys.of(segment, theme == null ? WHOLE : theme);
        SpikeDetector.Step step = detector.observe(states.get(key), at, negative);
        states.put(key, step.state());
        step.alert().ifPresent(signal -> {
            Instant raisedAt = step.state().decayedTo();
            Alert alert = new Alert(Alert.SCHEMA_VERSION, idOf(segment, theme, signal.kind(), raisedAt), segment, theme, null,
                    signal.kind(), raisedAt, signal.score(), signal.usual(), step.state().negativeRecent());
            context.forward(new Record<>(alert.id(), alert, record.timestamp(), record.headers()));
        });
    }

    /**
     * The same alert on every replay: a digest of what it is about and the hour it was raised in (a replay whose
     * partitions interleave differently may cross the threshold on a neighbouring mention).
     */
    static String idOf(String segment, String theme, String kind, Instant at) {
        long hour = at.toEpochMilli() / Duration.ofHours(1).toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((segment + "\n" + (theme == null ? "" : theme) + "\n" + kind
                    + "\n" + hour).getBytes(StandardCharsets.UTF_8));
            return "a-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
