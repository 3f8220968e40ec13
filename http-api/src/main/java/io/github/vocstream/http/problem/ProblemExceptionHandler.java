package io.github.vocstream.http.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns a {@link ProblemException} into its problem document, with {@code Retry-After} when one is given. */
@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<ProblemDetail>> {

    @Override
    public HttpResponse<ProblemDetail> handle(HttpRequest request, ProblemException exception) {
        var response = Problems.response(request, exception.status(), exception.getMessage(), exception.errors());
        exception.retryAfter().ifPresent(delay -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(delay.toSeconds())));
        return response;
    }
}
