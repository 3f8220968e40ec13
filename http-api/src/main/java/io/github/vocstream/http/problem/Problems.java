package io.github.vocstream.http.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds every problem response of the services, so they all look alike. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<ProblemDetail> response(HttpRequest<?> request, HttpStatus status, String detail,
                                                              List<FieldError> errors) {
        var problem = new ProblemDetail("about:blank", status.getReason(), status.getCode(), detail, request.getPath(), errors);
        return HttpResponse.<ProblemDetail>status(status).body(problem).contentType(ProblemDetail.MEDIA_TYPE);
    }
}
