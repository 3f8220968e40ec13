package io.github.vocstream.localstack;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.localkafka.TopicReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which sample reviews still have to be sent: those whose feedback id the raw topic does not hold yet. A restart of
 * the local stack then sends nothing again, and the sentiment service has nothing to annotate twice; a sample the
 * broker lost (a fresh {@code .voc-local}) is sent as on the first start.
 */
public final class SampleReplay {

    private SampleReplay() {
    }

    public static List<SampleReviews.Review> notYetIn(String bootstrapServers, String rawTopic, List<SampleReviews.Review> reviews) {
        Set<String> held = new HashSet<>();
        TopicReader.readAll(bootstrapServers, rawTopic, Duration.ofMinutes(1)).forEach(record -> held.add(record.key()));
        return reviews.stream().filter(review -> !held.contains(FeedbackEvent.idOf(review.source(), review.externalId()))).toList();
    }
}
