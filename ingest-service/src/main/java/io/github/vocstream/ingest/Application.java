package io.github.vocstream.ingest;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the ingest service. */
@OpenAPIDefinition(
        info = @Info(title = "voc-stream ingest", version = "1",
                description = "Every way feedback comes in: our own format (POST /v1/feedback and the WebSocket /v1/stream), "
                        + "support platforms' webhooks, social posts, review feeds and retractions. A request is published "
                        + "whole or not at all; a refusal is an RFC 9457 problem document naming the field at fault. The "
                        + "keyed endpoints take a client key as X-Api-Key or Authorization: Bearer; webhooks are let in by "
                        + "their platform's signature, secret or token instead."),
        security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-Api-Key")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
