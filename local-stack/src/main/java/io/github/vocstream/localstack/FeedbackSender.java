package io.github.vocstream.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Posts feedback to the ingest API in batches, retrying a batch while ingest answers 503. */
public final class FeedbackSender {

    private static final int BATCH_SIZE = 100;
    private static final int ATTEMPTS = 10;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI feedbackUri;
    private final String apiKey;

    public FeedbackSender(URI ingestBaseUri, String apiKey) {
        this.feedbackUri = ingestBaseUri.resolve("/v1/feedback");
        this.apiKey = apiKey;
    }

    /** Sends every review and returns how many ingest accepted. */
    public int send(List<SampleReviews.Review> reviews) throws IOException, InterruptedException {
        int accepted = 0;
        for (int from = 0; from < reviews.size(); from += BATCH_SIZE) {
            List<SampleReviews.Review> batch = reviews.subList(from, Math.min(reviews.size(), from + BATCH_SIZE));
            post(SampleReviews.toJsonArray(batch));
            accepted += batch.size();
        }
        return accepted;
    }

    private void post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(feedbackUri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return;
            }
            if (response.statusCode() != 503 || attempt == ATTEMPTS) {
                throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(2)).toMillis());
        }
    }
}
