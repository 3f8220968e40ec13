package io.github.vocstream.aggregator;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the aggregator service. */
@OpenAPIDefinition(
        info = @Info(title = "voc-stream query API", version = "1",
                description = "How customers feel, live: sentiment, themes, timelines and evidence per segment, read from the "
                        + "aggregator's state stores. Every route takes a read key as X-Api-Key or Authorization: Bearer "
                        + "unless the API is declared open; a refusal is an RFC 9457 problem document."),
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
