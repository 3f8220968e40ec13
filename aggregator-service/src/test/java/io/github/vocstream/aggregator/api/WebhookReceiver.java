package io.github.vocstream.aggregator.api;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A webhook destination on this machine that records every attempt and takes an alert only at the attempt its path
 * says ({@code Integer.MAX_VALUE}: never), answering 503 before.
 */
final class WebhookReceiver {

    /** One delivery attempt as it arrived, and what it was answered. */
    record Attempt(String path, String id, String timestamp, String signature, byte[] body, int status) {
    }

    private final HttpServer server;
    private final List<Attempt> attempts = new ArrayList<>();

    private WebhookReceiver(ToIntFunction<String> takesAttempt) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int status;
            synchronized (attempts) {
                long before = attempts.stream().filter(a -> a.path().equals(path) && a.id().equals(id)).count();
                status = before + 1 >= takesAttempt.applyAsInt(path) ? 204 : 503;
                attempts.add(new Attempt(path, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start(ToIntFunction<String> takesAttempt) {
        try {
            return new WebhookReceiver(takesAttempt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Attempt> attempts(String path) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.path().equals(path)).toList();
        }
    }

    List<Attempt> attempts(String path, String id) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.path().equals(path) && id.equals(a.id())).toList();
        }
    }

    long taken(String path, String id) {
        return attempts(path, id).stream().filter(a -> a.status() / 100 == 2).count();
    }
}
