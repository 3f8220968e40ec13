package io.github.vocstream.aggregator.topology;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the personas file ({@code voc.personas-file}) when the service starts, so a bad one stops the start. */
@Factory
public class PersonasFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PersonasFactory.class);

    @Context
    Personas personas(@Nullable @Value("${voc.personas-file:}") String file) {
        if (file == null || file.isBlank()) {
            return Personas.none();
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            Personas personas = Personas.parse(file, reader);
            LOG.info("Personas: {} from {}", personas.size(), file);
            return personas;
        } catch (IOException e) {
            throw new UncheckedIOException("voc.personas-file " + file + " cannot be read", e);
        }
    }
}
