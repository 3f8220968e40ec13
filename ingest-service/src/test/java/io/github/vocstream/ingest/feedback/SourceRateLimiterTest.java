package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    // 10 items a second, 20 at once.
    private final SourceRateLimiter limiter = new SourceRateLimiter(10, 20, now::get);

    @Test
    void aSourceMaySpendItsBurstThenWaitsForTheRefill() {
        limiter.acquire(Map.of("zendesk", 20));

        ProblemException refused = catchThrowableOfType(() -> limiter.acquire(Map.of("zendesk", 5)), ProblemException.class);
        assertThat(refused.status().getCode()).isEqualTo(429);
        assertThat(refused.retryAfter()).contains(Duration.ofSeconds(1));

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThatCode(() -> limiter.acquire(Map.of("zendesk", 5))).doesNotThrowAnyException();
    }

    @Test
    void sourcesHaveBucketsOfTheirOwnAndARefusedRequestTakesNothing() {
        limiter.acquire(Map.of("zendesk", 18));

        assertThat(catchThrowableOfType(() -> limiter.acquire(Map.of("intercom", 10, "zendesk", 10)), ProblemException.class))
                .isNotNull();
        // The refused request took nothing from intercom's bucket.
        assertThatCode(() -> limiter.acquire(Map.of("intercom", 20))).doesNotThrowAnyException();
        assertThatCode(() -> limiter.acquire(Map.of("zendesk", 2))).doesNotThrowAnyException();
    }

    @Test
    void aRateOfZeroSwitchesTheLimitOff() {
        SourceRateLimiter off = new SourceRateLimiter(0, 0, now::get);

        assertThatCode(() -> off.acquire(Map.of("zendesk", 1_000_000))).doesNotThrowAnyException();
    }

    @Test
    void theLimitIsReadFromConfiguration() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("voc.ingest.rate-limit.items-per-second", "3"))) {
            IngestConfiguration configuration = context.getBean(IngestConfiguration.class);
            assertThat(configuration.rateLimit().itemsPerSecond()).isEqualTo(3);
            assertThat(configuration.rateLimit().burst()).isEqualTo(5000);
        }
    }
}
