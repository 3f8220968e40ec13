package io.github.vocstream.ingest;

import io.micronaut.runtime.Micronaut;

/** Starts the ingest service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
