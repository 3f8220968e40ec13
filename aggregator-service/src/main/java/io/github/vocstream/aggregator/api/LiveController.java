package io.github.vocstream.aggregator.api;

import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /v1/segments/{segment}/live}: Server-Sent Events that push the segment's summary (its totals and every
 * theme, as {@code /summary} answers) whenever it changes, checked four times a second, on whichever instance holds
 * the segment (asked as queries are). Each event's id is a digest of what it says, so a client that reconnects with
 * {@code Last-Event-ID} gets the summary at once if it changed meanwhile, and nothing until it changes if not.
 * A {@code ping} event at the start and every 15 s keeps proxies from closing a quiet stream.
 */
@Controller("/v1/segments/{segment}/live")
public class LiveController {

    static final Duration CHECK_EVERY = Duration.ofMillis(250);
    static final Duration PING_EVERY = Duration.ofSeconds(15);

    private final SegmentRouter router;
    private final SegmentViews views;

    public LiveController(SegmentRouter router, SegmentViews views) {
        this.router = router;
        this.views = views;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> live(@PathVariable String segment, @Nullable @Header("Last-Event-ID") String lastEventId,
                                         HttpRequest<?> request) {
        SegmentRouter.requireWellFormed(segment);
        Map<String, String> credentials = SegmentRouter.credentialsOf(request);
        String summaryPath = "/v1/segments/" + URLEncoder.encode(segment, StandardCharsets.UTF_8) + "/summary";
        AtomicReference<String> lastSent = new AtomicReference<>(lastEventId);
        Flux<Event<String>> changes = Flux.interval(Duration.ZERO, CHECK_EVERY, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> router.answerJson(segment, summaryPath, credentials,
                                () -> views.summary(segment)))
                        // Not counted yet, or held by an instance that is not ready: nothing to say this time.
                        .onErrorResume(ProblemException.class, problem -> Mono.empty()), 1)
                .filter(summary -> !digestOf(summary).equals(lastSent.get()))
                .map(summary -> {
                    String id = digestOf(summary);
                    lastSent.set(id);
                    return Event.of(summary).id(id).name("summary");
                });
        // The first ping goes out at once, so that the client has the response before the segment first changes.
        Flux<Event<String>> pings = Flux.interval(Duration.ZERO, PING_EVERY).map(tick -> Event.of("{}").name("ping"));
        return Flux.merge(changes, pings);
    }

    /** A short digest of a summary: equal summaries, equal ids, on every instance and across restarts. */
    static String digestOf(String summary) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(summary.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
