package io.github.vocstream.aggregator;

import io.micronaut.runtime.Micronaut;

/** Starts the aggregator service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
