package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.SentimentLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the first step asks for a commit of its own: once an item has waited the live commit interval, while the last
 * item it read was written to the annotated topic less than {@link CountOnce#KEEPING_UP} before; never when nothing
 * waits, and never when it is behind (then Streams' own, longer interval commits).
 */
class LiveCommitsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void keepingUpItAsksOnceAnItemHasWaitedTheInterval() {
        FirstStep firstStep = new FirstStep(AggregatorConfiguration.defaults(), Personas.none());
        AnnotatedFeedback item = item("live-1");
        Instant written = item.annotatedAt();
        assertThat(firstStep.asksForCommitAt(written)).as("nothing waits").isFalse();

        firstStep.clockAt(written.plusMillis(20));
        firstStep.pipe(item);
        assertThat(firstStep.asksForCommitAt(written.plusMillis(100))).as("waited 80 ms").isFalse();
        assertThat(firstStep.asksForCommitAt(written.plusMillis(120))).as("waited 100 ms").isTrue();

        firstStep.commit();
        assertThat(firstStep.asksForCommitAt(written.plusMillis(300))).as("nothing waits after the commit").isFalse();
    }

    @Test
    void behindItsInputItLeavesTheCommitsToStreams() {
        FirstStep firstStep = new FirstStep(AggregatorConfiguration.defaults(), Personas.none());
        AnnotatedFeedback item = item("replayed-1");
        Instant readAt = item.annotatedAt().plus(CountOnce.KEEPING_UP).plusSeconds(1);
        firstStep.clockAt(readAt);
        firstStep.pipe(item);
        assertThat(firstStep.asksForCommitAt(readAt.plus(Duration.ofSeconds(1)))).as("written 12 s before it was read").isFalse();
    }

    private static AnnotatedFeedback item(String externalId) {
        return AnnotatedFeedbacks.aboutTheme(externalId, START, "billing", SentimentLabel.NEGATIVE, -0.4, Map.of("team", "alpha"),
                "gift card");
    }
}
