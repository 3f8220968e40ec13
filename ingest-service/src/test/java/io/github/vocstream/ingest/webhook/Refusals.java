package io.github.vocstream.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.http.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The assertion every signature test makes: the call is refused with a 401 that says why. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertUnauthorized(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status().getCode()).isEqualTo(401))
                .hasMessageContaining(message);
    }
}
