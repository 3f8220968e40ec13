package io.github.vocstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM, started from its module's compiled classes and runtime class path (written
 * by the build to {@code target/runtime-classpath.txt}), with its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final URI baseUri;
    private final Path log;

    private ServiceProcess(String name, Process process, URI baseUri, Path log) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /**
     * What to start: the module folder, its main class, its HTTP port, its heap, its configuration, and its secrets,
     * which go in the environment, where other users of the machine cannot read them in the process list.
     */
    public record Spec(String module, String mainClass, int port, String maxHeap, Map<String, String> properties,
                       Map<String, String> secrets) {
    }

    public static ServiceProcess start(Path projectRoot, Spec spec, Path logDir) {
        Path moduleDir = projectRoot.resolve(spec.module());
        Path classpathFile = moduleDir.resolve("target/runtime-classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build first (./mvnw -DskipTests package)");
        }
        try {
            String classpath = moduleDir.resolve("target/classes") + java.io.File.pathSeparator
                    + Files.readString(classpathFile).strip();
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx" + spec.maxHeap());
            command.add("-Dmicronaut.server.port=" + spec.port());
            // Beside the log, not in /tmp: RocksDB and Netty unpack their native libraries there, and a JVM that is
            // killed (the crash tests do it on purpose) never deletes them.
            Path temporary = Files.createDirectories(logDir.toAbsolutePath().resolveSibling("tmp"));
            command.add("-Djava.io.tmpdir=" + temporary);
            spec.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-cp");
            command.add(classpath);
            command.add(spec.mainClass());
            Files.createDirectories(logDir);
            Path log = logDir.resolve(spec.module() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(spec.secrets());
            Process process = builder
                    .redirectErrorStream(true)
                    // Appended: a restarted service's log follows what its previous run said before it died.
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(spec.module(), process, URI.create("http://localhost:" + spec.port()), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.module(), e);
        }
    }

    /** Waits until {@code /health} answers 200; fails early if the process dies. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return;
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    private boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    /** The operating system's id of the service process, e.g. to read its memory use. */
    public long pid() {
        return process.pid();
    }

    /** Kills the service as a crash would (SIGKILL: no shutdown hook runs) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop (SIGTERM, so Micronaut shuts down gracefully) and waits; kills it if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
