package io.github.vocstream.http.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One field at fault in a request: where ({@code items[3].text}) and what is wrong with it. */
@Serdeable
public record FieldError(String field, String detail) {
}
