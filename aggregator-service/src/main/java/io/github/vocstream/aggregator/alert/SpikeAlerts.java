package io.github.vocstream.aggregator.alert;

import io.github.vocstream.aggregator.topology.AggregatorConfiguration;
import io.github.vocstream.aggregator.topology.AggregatorTopology;
import io.github.vocstream.aggregator.topology.CandidateStats;
import io.github.vocstream.aggregator.topology.EmergingScore;
import io.github.vocstream.aggregator.topology.Mentions;
import io.github.vocstream.aggregator.topology.SegmentDelta;
import io.github.vocstream.aggregator.topology.StoreKeys;
import io.github.vocstream.common.event.Alert;
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
 * a time on event time (a {@link SegmentDelta} keeps its items' mentions in order), and forwards an {@link Alert}
 * keyed by its id when one starts. The detectors' state is in {@link #STORE}, changed in the same transaction as the
 * counts, so an alert is raised exactly once, also across crashes, and a replay raises the same ones. Retractions are
 * not fed back: an alert tells what was seen then. Candidate terms whose emerging score ({@link EmergingScore}, as
 * {@code GET .../emerging} ranks them) reaches {@code voc.alerts.emerging-threshold} with {@code minRecent} recent
 * mentions are alerts too, once until their score falls below half of it and at most once per cooldown; the scores
 * are read from the candidates store, which the segment tables have updated with the same delta just before, so a
 * term is judged once per delta.
 */
public final class SpikeAlerts implements Processor<String, SegmentDelta, String, Alert> {

    public static final String STORE = "alert-state";
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
    public void process(Record<String, SegmentDelta> record) {
        SegmentDelta delta = record.value();
        String segment = record.key();
        delta.mentions().forEach((subject, mentions) -> observe(record, segment, subject, mentions));
        for (String term : delta.candidates().keySet()) {
            if (candidates.get(StoreKeys.of(segment, term)) == null) {
                // A term whose last mention was retracted leaves nothing behind, not even its name as a key.
                states.delete(StoreKeys.of(segment, TERM + term));
            } else if (delta.termsSaid().contains(term)) {
                observeTerm(record, segment, term);
            }
        }
    }

    private void observeTerm(Record<String, SegmentDelta> record, String segment, String term) {
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

    /** Feeds the subject's detector its mentions one by one, and reads and writes its state once. */
    private void observe(Record<String, SegmentDelta> record, String segment, String subject, Mentions mentions) {
        String key = StoreKeys.of(segment, subject);
        String theme = subject.equals(SegmentDelta.WHOLE) ? null : subject;
        SpikeState state = states.get(key);
        for (int i = 0; i < mentions.size(); i++) {
            SpikeDetector.Step step = detector.observe(state, Instant.ofEpochMilli(mentions.at(i)), mentions.negative(i));
            state = step.state();
            step.alert().ifPresent(signal -> {
                Instant raisedAt = step.state().decayedTo();
                Alert alert = new Alert(Alert.SCHEMA_VERSION, idOf(segment, theme, signal.kind(), raisedAt), segment, theme, null,
                        signal.kind(), raisedAt, signal.score(), signal.usual(), step.state().negativeRecent());
                context.forward(new Record<>(alert.id(), alert, record.timestamp(), record.headers()));
            });
        }
        states.put(key, state);
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
