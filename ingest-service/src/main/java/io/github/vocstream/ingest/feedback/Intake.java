package io.github.vocstream.ingest.feedback;

import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way into the raw topic: every endpoint (the API, webhooks, social, reviews, the stream, retractions) hands
 * what it parsed here, with the {@link Client} its credentials proved, and only translates HTTP itself. In this
 * order, and all before anything is sent: the client's right to every item's source, its rate limits, masking of
 * e-mail addresses, phone and card numbers in text and title, pseudonymous authors; then one transaction. What the
 * parsers and mappers built is checked against {@link FeedbackRules} once more, so that no platform's field that a
 * mapper took as it came (an id of a mebibyte) reaches Kafka.
 */
@Singleton
public class Intake {

    private final boolean maskPii;
    private final AuthorPseudonyms authors;
    private final SourceRateLimiter rateLimiter;
    private final FeedbackPublisher publisher;
    private final Counter itemsPublished;
    private final Counter retractionsPublished;

    public Intake(IngestConfiguration configuration, AuthorPseudonyms authors, SourceRateLimiter rateLimiter,
                  FeedbackPublisher publisher, MeterRegistry meters) {
        this.maskPii = configuration.maskPii();
        this.authors = authors;
        this.rateLimiter = rateLimiter;
        this.publisher = publisher;
        // Requests are counted by the HTTP metrics; one request carries up to 500 items.
        this.itemsPublished = Counter.builder("voc.ingest.published").tag("kind", "feedback")
                .description("Feedback items published to the raw topic").register(meters);
        this.retractionsPublished = Counter.builder("voc.ingest.published").tag("kind", "retraction")
                .description("Retractions published to the raw topic").register(meters);
    }

    /** Publishes {@code events}, then {@code retractions}, whole or not at all; the ids of both, in request order. */
    public FeedbackAccepted accept(Client client, List<FeedbackEvent> events, List<Retraction> retractions) {
        requireValid(events, retractions);
        client.requireMayWriteEach(Stream.concat(events.stream().map(FeedbackEvent::source),
                retractions.stream().map(Retraction::source)).toList());
        rateLimiter.acquire(itemsByBucket(client, events, retractions));
        List<FeedbackEvent> published = events.stream().map(this::cleaned).toList();
        publisher.publish(published, retractions);
        itemsPublished.increment(published.size());
        retractionsPublished.increment(retractions.size());
        List<String> ids = published.stream().map(FeedbackEvent::id).toList();
        return new FeedbackAccepted(ids.size(), ids, retractions.stream().map(Retraction::feedbackId).toList());
    }

    /**
     * The one item a webhook delivery carried, if any; none for a delivery that carries no customer voice (it is still
     * acknowledged, so that the platform does not retry it).
     */
    public FeedbackAccepted acceptDelivery(Client sender, Optional<FeedbackEvent> event) {
        return accept(sender, event.map(List::of).orElse(List.of()), List.of());
    }

    /** A 400 naming every field at fault ({@code [i].field} when the request holds more than one item). */
    private static void requireValid(List<FeedbackEvent> events, List<Retraction> retractions) {
        boolean numbered = events.size() + retractions.size() > 1;
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String prefix = numbered ? "[" + i + "]." : "";
            FeedbackRules.problems(events.get(i)).forEach((field, problem) -> errors.add(new FieldError(prefix + field, problem)));
        }
        for (int i = 0; i < retractions.size(); i++) {
            String prefix = numbered ? "[" + (events.size() + i) + "]." : "";
            Retraction retraction = retractions.get(i);
            FeedbackRules.checkSource(retraction.source())
                    .ifPresent(problem -> errors.add(new FieldError(prefix + "source", problem)));
            String externalId = retraction.feedbackId().substring(retraction.source().length() + 1);
            FeedbackRules.checkExternalId(externalId)
                    .ifPresent(problem -> errors.add(new FieldError(prefix + "externalId", problem)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Items per source, and a keyed client's items in a bucket of its own, so that it may not crowd out others. */
    private static Map<String, Integer> itemsByBucket(Client client, List<FeedbackEvent> events, List<Retraction> retractions) {
        Map<String, Integer> items = new HashMap<>();
        events.forEach(event -> items.merge(event.source(), 1, Integer::sum));
        retractions.forEach(retraction -> items.merge(retraction.source(), 1, Integer::sum));
        if (client.keyed()) {
            // A source name holds no space, so this bucket is the client's alone.
            items.put(client.name(), events.size() + retractions.size());
        }
        return items;
    }

    private FeedbackEvent cleaned(FeedbackEvent event) {
        return authors.apply(maskPii ? PiiMasker.mask(event) : event);
    }
}
