package io.github.vocstream.http.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Makes the framework's own errors (unknown route, body too large, unreadable JSON, wrong media type) problem
 * documents too. Server errors say nothing of their cause: it may hold request data, and the log has it.
 */
@Primary
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ProblemDetail> {

    @Override
    public MutableHttpResponse<ProblemDetail> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() >= 500) {
            return Problems.response(context.getRequest(), status, "the service could not handle the request", List.of());
        }
        List<FieldError> errors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldError(error.getPath().get(), error.getMessage()))
                .toList();
        String detail = context.getErrors().stream().findFirst().map(Error::getMessage).orElse(status.getReason());
        return Problems.response(context.getRequest(), status, detail, errors);
    }
}
