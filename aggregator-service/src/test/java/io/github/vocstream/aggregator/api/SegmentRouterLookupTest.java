package io.github.vocstream.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.aggregator.query.Lookup;
import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Each outcome of a lookup has one HTTP answer; the query side never chooses a status. */
class SegmentRouterLookupTest {

    private final SegmentRouter router = new SegmentRouter(null, null, null);

    @Test
    void foundIs200WithTheValue() {
        var answer = router.answer(Lookup.found("totals"), HttpRequest.GET("/v1/segments/all/sentiment"));

        assertThat(answer.getStatus().getCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("totals");
    }

    @Test
    void missingIs404WithItsReason() {
        assertThatThrownBy(() -> router.answer(Lookup.missing("no feedback has been counted in segment 'plan:x'"),
                HttpRequest.GET("/v1/segments/plan:x/sentiment")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().getCode()).isEqualTo(404);
                    assertThat(problem.getMessage()).contains("plan:x");
                });
    }

    @Test
    void notYetAvailableIs503WithRetryAfter() {
        assertThatThrownBy(() -> router.answer(new Lookup.NotYetAvailable<>("the aggregator is rebalancing"),
                HttpRequest.GET("/v1/segments/all/sentiment")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status().getCode()).isEqualTo(503);
                    assertThat(problem.retryAfter()).contains(Duration.ofSeconds(2));
                });
    }

    @Test
    void aRelayedRequestThatFindsTheStoresElsewhereIs503NotAnotherHop() {
        var relayed = HttpRequest.GET("/v1/segments/all/sentiment").header(InstanceForwarder.FORWARDED_HEADER, "1");

        assertThatThrownBy(() -> router.answer(new Lookup.Elsewhere<>(new HostInfo("127.0.0.1", 1)), relayed))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status().getCode()).isEqualTo(503));
    }

    @Test
    void aLookupCarriesItsOutcomeThroughEachStep() {
        assertThat(Lookup.found(2).map(n -> n * 21)).isEqualTo(Lookup.found(42));
        assertThat(Lookup.<Integer>missing("none").map(n -> n * 21)).isEqualTo(Lookup.missing("none"));
        assertThat(Lookup.found(2).then(n -> Lookup.missing("not " + n))).isEqualTo(Lookup.missing("not 2"));
    }
}
