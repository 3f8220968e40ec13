package io.github.vocstream.aggregator.alert;

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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches every segment, and every theme in it, for a rise in negative feedback ({@link SpikeDetector}), one item at
 * a time on event time, and forwards an {@link Alert} keyed by its id when one starts. The detectors' state is in
 * {@link #STORE}, changed in the same transaction as the counts, so an alert is raised exactly once, also across
 * crashes, and a replay raises the same ones. Retractions are not fed back: an alert tells what was seen then.
 */
public final class SpikeAlerts implements Processor<String, SegmentUpdate, String, Alert> {

    public static final String STORE = "alert-state";
    /** The subject key of a segment's feedback as a whole; theme subjects are {@code segment|theme}. */
    private static final String WHOLE = "";

    private final SpikeDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, SpikeState> states;

    public SpikeAlerts(AlertSettings settings) {
        this.detector = new SpikeDetector(settings);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, SegmentUpdate> record) {
        SegmentUpdate update = record.value();
        if (update.retracted() || update.occurredAt() == null) {
            return;
        }
        String segment = record.key();
        observe(record, segment, null, update.occurredAt(), update.label() == SentimentLabel.NEGATIVE);
        for (ThemeSentiment verdict : update.themes()) {
            observe(record, segment, verdict.theme(), update.occurredAt(), verdict.label() == SentimentLabel.NEGATIVE);
        }
    }

    private void observe(Record<String, SegmentUpdate> record, String segment, String theme, Instant at, boolean negative) {
        String key = StoreKeys.of(segment, theme == null ? WHOLE : theme);
        SpikeDetector.Step step = detector.observe(states.get(key), at, negative);
        states.put(key, step.state());
        step.alert().ifPresent(signal -> {
            Instant raisedAt = step.state().decayedTo();
            Alert alert = new Alert(Alert.SCHEMA_VERSION, idOf(segment, theme, signal.kind(), raisedAt), segment, theme,
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
