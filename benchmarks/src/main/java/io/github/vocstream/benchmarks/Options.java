package io.github.vocstream.benchmarks;

/** The {@code --name value} options of the benchmark programs. */
final class Options {

    private Options() {
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
