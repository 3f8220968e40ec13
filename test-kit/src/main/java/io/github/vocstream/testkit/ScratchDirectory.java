package io.github.vocstream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A temporary directory that is deleted with everything in it when closed: a broker's logs and a service's state
 * from one run of a program are gigabytes, and every run makes new ones.
 */
public final class ScratchDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDirectory.class);

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /** A new empty directory in the system's temporary folder, its name starting with {@code prefix}. */
    public static ScratchDirectory create(String prefix) {
        try {
            return new ScratchDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new directory deleted when the JVM exits, for one whose user stops after the test's own clean-up (an
     * application context that the test framework closes, a browser): by then it has stopped.
     */
    public static ScratchDirectory createDeletedAtExit(String prefix) {
        ScratchDirectory directory = create(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(directory::close, "delete-" + prefix));
        return directory;
    }

    public Path path() {
        return path;
    }

    public Path resolve(String child) {
        return path.resolve(child);
    }

    /** Deletes the directory and what is in it; what cannot be deleted is logged and left. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}", path, e);
        }
    }
}
