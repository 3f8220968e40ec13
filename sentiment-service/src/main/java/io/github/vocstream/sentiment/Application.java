package io.github.vocstream.sentiment;

import io.micronaut.runtime.Micronaut;

/** Starts the sentiment service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
