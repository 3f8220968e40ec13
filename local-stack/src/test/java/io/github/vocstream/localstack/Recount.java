package io.github.vocstream.localstack;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeSentiment;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.segment.SegmentKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The tables the aggregator should hold, counted again from the annotated topic by a program of its own: the first
 * annotation of each id, in every segment of its item, per theme and per minute of event time. It shares nothing with
 * the aggregator's topology but the segment keys, so a bug in how the topology counts shows as a difference.
 */
final class Recount {

    /** Counts by label. */
    record Row(long count, long negative, long neutral, long positive) {

        static final Row EMPTY = new Row(0, 0, 0, 0);

        Row plus(SentimentLabel label) {
            return new Row(count + 1, negative + (label == SentimentLabel.NEGATIVE ? 1 : 0),
                    neutral + (label == SentimentLabel.NEUTRAL ? 1 : 0), positive + (label == SentimentLabel.POSITIVE ? 1 : 0));
        }
    }

    final Set<String> ids = new HashSet<>();
    /** By segment. */
    final Map<String, Row> segments = new TreeMap<>();
    /** By segment, then theme. */
    final Map<String, Map<String, Row>> themes = new TreeMap<>();
    /** By segment (or segment and theme, as {@code segment|theme}), then the minute's start. */
    final Map<String, TreeMap<Instant, Row>> minutes = new TreeMap<>();
    long duplicates;

    static Recount of(List<ConsumerRecord<String, byte[]>> annotated) {
        Recount recount = new Recount();
        var deserializer = JsonSerde.of(AnnotatedFeedback.class).deserializer();
        for (ConsumerRecord<String, byte[]> record : annotated) {
            if (record.value() == null) {
                continue;
            }
            AnnotatedFeedback feedback = deserializer.deserialize(record.topic(), record.value());
            if (!recount.ids.add(feedback.id())) {
                recount.duplicates++;
                continue;
            }
            recount.count(feedback);
        }
        return recount;
    }

    private void count(AnnotatedFeedback annotated) {
        var feedback = annotated.feedback();
        Instant occurred = feedback.occurredAt() == null || feedback.occurredAt().isAfter(feedback.receivedAt())
                ? feedback.receivedAt() : feedback.occurredAt();
        Instant minute = occurred.truncatedTo(ChronoUnit.MINUTES);
        SentimentLabel label = annotated.document().label();
        for (String segment : SegmentKey.of(feedback, annotated.language() == null ? null : annotated.language().tag())) {
            segments.merge(segment, Row.EMPTY.plus(label), Recount::sum);
            minutes.computeIfAbsent(segment, key -> new TreeMap<>()).merge(minute, Row.EMPTY.plus(label), Recount::sum);
            for (ThemeSentiment theme : annotated.themes()) {
                themes.computeIfAbsent(segment, key -> new TreeMap<>()).merge(theme.theme(), Row.EMPTY.plus(theme.label()), Recount::sum);
                minutes.computeIfAbsent(segment + "|" + theme.theme(), key -> new TreeMap<>())
                        .merge(minute, Row.EMPTY.plus(theme.label()), Recount::sum);
            }
        }
    }

    private static Row sum(Row a, Row b) {
        return new Row(a.count() + b.count(), a.negative() + b.negative(), a.neutral() + b.neutral(), a.positive() + b.positive());
    }
}
