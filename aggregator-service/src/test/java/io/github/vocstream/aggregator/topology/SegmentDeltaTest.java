package io.github.vocstream.aggregator.topology;

import static io.github.vocstream.aggregator.topology.AggregatorDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.aggregator.rating.RatingScales;
import io.github.vocstream.common.event.Alert;
import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.common.kafka.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * What the first step sends per segment ({@link SegmentDelta}): runs of hundreds of items sent on as one delta each
 * leave the tables and the alerts as the same items sent one by one, retractions included; and updates written before deltas were sent
 * still count.
 */
class SegmentDeltaTest {

    private static final String[] THEMES = {"delivery/late", "delivery", "billing", "staff/attitude"};
    /** Alerts after half a day of history: the input has 20 hours of it. */
    private static final AlertSettings ALERTS = new AlertSettings(Duration.ofDays(7), Duration.ofMinutes(15), Duration.ofHours(12),
            5, 5, 5, Duration.ofHours(6), 8);
    private static final String[] TERMS = {"courier app", "gift card", "parcel locker"};

    /** A step of the input: an item, or the retraction of one sent before. */
    private record Step(AnnotatedFeedback item, String retracted, Instant at) {
    }

    @Test
    void runsOfItemsSentAsDeltasLeaveTheTablesAndAlertsAsItemByItem() {
        List<Step> steps = input(new Random(11));

        AggregatorDriver oneByOne = new AggregatorDriver(AggregatorConfiguration.defaults(), ALERTS, Personas.none());
        AggregatorDriver together = new AggregatorDriver(AggregatorConfiguration.defaults(), ALERTS, Personas.none());
        try (oneByOne; together) {
            feed(steps, oneByOne::pipe, oneByOne::retract);
            FirstStep firstStep = new FirstStep(AggregatorConfiguration.defaults(), Personas.none());
            // A commit after 150 steps, then none until the end: "all" sends a run cut by a commit, then a full delta.
            List<Integer> itemsInAll = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                List<Record<String, SegmentDelta>> sent = new ArrayList<>(step.item() != null ? firstStep.pipe(step.item())
                        : firstStep.retract(step.retracted(), step.at()));
                if (i == 150) {
                    sent.addAll(firstStep.commit());
                }
                together.pipeDeltas(sent);
                sent.stream().filter(delta -> delta.key().equals("all")).forEach(delta -> itemsInAll.add(delta.value().items()));
            }
            List<Record<String, SegmentDelta>> last = firstStep.commit();
            together.pipeDeltas(last);
            last.stream().filter(delta -> delta.key().equals("all")).forEach(delta -> itemsInAll.add(delta.value().items()));
            assertThat(itemsInAll).as("full deltas, and runs cut by a commit").contains(PendingDeltas.MAX_ITEMS)
                    .anyMatch(items -> items > 1 && items < PendingDeltas.MAX_ITEMS);

            SegmentStores sent = SegmentStores.of(together);
            SegmentStores itemByItem = SegmentStores.of(oneByOne);
            withoutSentences(sent).assertSameAs(withoutSentences(itemByItem));
            assertThat(sent.get(AggregatorTopology.SEGMENT_THEMES_STORE)).isNotEmpty();
            // A retraction leaves a row one sentence short item by item; in a delta a newer sentence of the same run
            // takes its place. So every sentence kept item by item is kept, newest first, and none retracted.
            sentences(sent).forEach((row, kept) -> {
                assertThat(kept).as(row).containsAll(sentences(itemByItem).get(row)).hasSizeLessThanOrEqualTo(5)
                        .isSortedAccordingTo(Comparator.comparing(Evidence::occurredAt).reversed().thenComparing(Evidence::feedbackId))
                        .noneMatch(shown -> retracted(steps).contains(shown.feedbackId()));
            });
            assertThat(emergingTerms(together)).isEqualTo(emergingTerms(oneByOne)).isNotEmpty();
            List<Alert> alerts = spikeAlerts(oneByOne);
            assertThat(alerts).as("the input has a spike").isNotEmpty();
            // The same alerts; the order is by subject within a delta, not by item.
            assertThat(spikeAlerts(together)).containsExactlyInAnyOrderElementsOf(alerts);
        }
    }

    @Test
    void deltasWaitForTheCommitUnlessTheyAreFull() {
        FirstStep firstStep = new FirstStep(AggregatorConfiguration.defaults(), Personas.none());
        List<Record<String, SegmentDelta>> sent = new ArrayList<>();
        for (int i = 0; i < PendingDeltas.MAX_ITEMS + 10; i++) {
            sent.addAll(firstStep.pipe(AnnotatedFeedbacks.aboutTheme("busy-" + i, START.plusSeconds(i), "billing", SentimentLabel.NEGATIVE,
                    -0.4, Map.of("team", "alpha"), "gift card " + i)));
        }
        assertThat(sent).as("the full deltas, before the commit").isNotEmpty()
                .allSatisfy(delta -> assertThat(delta.value().items()).isEqualTo(PendingDeltas.MAX_ITEMS));

        List<Record<String, SegmentDelta>> committed = firstStep.commit();
        assertThat(committed).extracting(Record::key).containsExactlyInAnyOrderElementsOf(sent.stream().map(Record::key).toList());
        assertThat(committed).allSatisfy(delta -> assertThat(delta.value().items()).isEqualTo(10));
        assertThat(firstStep.commit()).as("nothing pending after a commit").isEmpty();
    }

    @Test
    void deltasTheVersionBeforeLeftInItsStoreAreSentAndCountOnce() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults())) {
            AnnotatedFeedback older = AnnotatedFeedbacks.aboutTheme("older-1", START, "billing", SentimentLabel.NEGATIVE, -0.5,
                    Map.of("team", "alpha"), "gift card");
            KeyValueStore<String, SegmentDelta> leftovers = driver.driver.getKeyValueStore(AggregatorTopology.LEFTOVER_DELTAS_STORE);
            leftovers.put("all", SegmentDelta.of(SegmentUpdate.of(older, RatingScales.defaults()), AggregatorConfiguration.defaults()));

            driver.pipe(AnnotatedFeedbacks.aboutTheme("newer-1", START.plusSeconds(1), "billing", SentimentLabel.POSITIVE, 0.5,
                    Map.of("team", "alpha"), "gift card"));
            driver.pipe(AnnotatedFeedbacks.aboutTheme("newer-2", START.plusSeconds(2), "billing", SentimentLabel.POSITIVE, 0.5,
                    Map.of("team", "alpha"), "gift card"));

            KeyValueStore<String, SegmentSentiment> totals = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            assertThat(totals.get("all").count()).isEqualTo(3);
            assertThat(totals.get("all").negative()).isEqualTo(1);
            assertThat(leftovers.approximateNumEntries()).as("sent once, then gone").isZero();
        }
    }

    @Test
    void anUpdateWrittenBeforeDeltasReadsAsTheDeltaOfItsItem() {
        AggregatorConfiguration configuration = AggregatorConfiguration.defaults();
        AnnotatedFeedback item = AnnotatedFeedbacks.aboutTheme("old-1", START, "delivery/late", SentimentLabel.NEGATIVE, -0.6,
                Map.of("team", "alpha"), "courier app");
        SegmentUpdate update = SegmentUpdate.of(item, RatingScales.defaults());
        SegmentDeltaSerde serde = new SegmentDeltaSerde(configuration);

        SegmentDelta read = serde.deserializer().deserialize("by-segment", JsonSerde.binary(SegmentUpdate.class).serialize("by-segment", update));

        assertThat(read.items()).isEqualTo(1);
        assertThat(read.totals()).isEqualTo(new Tally(1, 1, 0, 0, -0.6));
        assertThat(read.themes().keySet()).containsExactlyInAnyOrder("delivery", "delivery/late");
        assertThat(tree(read)).isEqualTo(tree(SegmentDelta.of(update, configuration)));
        SegmentDelta again = serde.deserializer().deserialize("by-segment", serde.serializer().serialize("by-segment", read));
        assertThat(tree(again)).as("a delta reads back as written").isEqualTo(tree(read));
    }

    /**
     * A day of ordinary negative mentions in one team and a spike at its end, items on several themes with candidate
     * terms and ratings (some late for their bucket), and a tenth of those retracted, some soon and some much later.
     */
    private static List<Step> input(Random random) {
        Instant dayLater = START.plus(Duration.ofHours(20));
        List<AnnotatedFeedback> items = new ArrayList<>();
        items.addAll(AnnotatedFeedbacks.negativeMentions(random, "alpha", "bugs", START, dayLater, 20));
        items.addAll(AnnotatedFeedbacks.negativeMentions(random, "alpha", "bugs", dayLater, dayLater.plus(Duration.ofMinutes(30)), 80));
        for (int i = 0; i < 300; i++) {
            Instant at = START.plusSeconds(random.nextInt(20 * 3600));
            double score = random.nextDouble() * 2 - 1;
            SentimentLabel label = score < -0.2 ? SentimentLabel.NEGATIVE : score > 0.2 ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
            AnnotatedFeedback item = AnnotatedFeedbacks.aboutTheme("mix-" + i, at, THEMES[random.nextInt(THEMES.length)], label, score,
                    Map.of("team", random.nextBoolean() ? "alpha" : "beta"), TERMS[random.nextInt(TERMS.length)]);
            item = AnnotatedFeedbacks.rated(item, 1 + random.nextInt(5));
            items.add(i % 17 == 0 ? AnnotatedFeedbacks.receivedAt(item, at.plus(Duration.ofHours(2))) : item);
        }
        items.sort(Comparator.comparing(item -> item.feedback().occurredAt()));
        List<Step> steps = new ArrayList<>();
        List<Step> retractions = new ArrayList<>();
        for (AnnotatedFeedback item : items) {
            steps.add(new Step(item, null, null));
            if (item.feedback().externalId().startsWith("mix-") && random.nextInt(10) == 0) {
                retractions.add(new Step(null, item.id(), item.annotatedAt()));
            }
            if (!retractions.isEmpty() && random.nextInt(20) == 0) {
                steps.add(retractions.remove(0));
            }
        }
        steps.addAll(retractions);
        return steps;
    }

    /** The stores with every theme's and term's sentences left out. */
    private static SegmentStores withoutSentences(SegmentStores stores) {
        Map<String, Map<String, Object>> stripped = new TreeMap<>();
        stores.byStore().forEach((store, rows) -> {
            Map<String, Object> kept = new TreeMap<>();
            rows.forEach((key, value) -> kept.put(key, value instanceof ThemeStats theme
                    ? new ThemeStats(theme.tally(), theme.lastMentionAt(), List.of())
                    : value instanceof CandidateStats term ? term.withoutEvidence() : value));
            stripped.put(store, kept);
        });
        return new SegmentStores(stripped);
    }

    /** Per theme and term row, its sentences. */
    private static Map<String, List<Evidence>> sentences(SegmentStores stores) {
        Map<String, List<Evidence>> sentences = new TreeMap<>();
        stores.get(AggregatorTopology.SEGMENT_THEMES_STORE).forEach((key, value) -> sentences.put("theme " + key, ((ThemeStats) value).evidence()));
        stores.get(AggregatorTopology.SEGMENT_CANDIDATES_STORE).forEach((key, value) -> sentences.put("term " + key, ((CandidateStats) value).evidence()));
        return sentences;
    }

    private static Set<String> retracted(List<Step> steps) {
        return steps.stream().filter(step -> step.retracted() != null).map(Step::retracted).collect(Collectors.toSet());
    }

    private static JsonNode tree(SegmentDelta delta) {
        return Json.mapper().valueToTree(delta);
    }

    private static void feed(List<Step> steps, Consumer<AnnotatedFeedback> pipe, BiConsumer<String, Instant> retract) {
        for (Step step : steps) {
            if (step.item() != null) {
                pipe.accept(step.item());
            } else {
                retract.accept(step.retracted(), step.at());
            }
        }
    }

    private static Map<String, Object> emergingTerms(AggregatorDriver driver) {
        Map<String, Object> terms = new TreeMap<>();
        try (KeyValueIterator<String, EmergingIndex> all = driver.driver.<String, EmergingIndex>getKeyValueStore(
                AggregatorTopology.SEGMENT_EMERGING_STORE).all()) {
            all.forEachRemaining(entry -> terms.put(entry.key, entry.value.terms()));
        }
        return terms;
    }

    /** The alerts on a rise in negative feedback; an emerging term is judged once per delta, not once per item. */
    private static List<Alert> spikeAlerts(AggregatorDriver driver) {
        return driver.alerts.readValuesToList().stream().filter(alert -> !alert.kind().equals("emerging-term")).toList();
    }
}
