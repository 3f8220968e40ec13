package io.github.vocstream.localstack;

import io.github.vocstream.common.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled review sentences of Kotzias et al. (KDD 2015) in {@code data/reviews}, as feedback items for the
 * ingest API. Each line is {@code sentence<TAB>label}; its line number makes a stable external id, so replaying
 * the files again is counted once.
 */
public final class SampleReviews {

    /** File name prefix, source name and category of each data set. */
    private static final Map<String, List<String>> DATASETS = Map.of(
            "amazon_cells", List.of("amazon-reviews", "cell-phones"),
            "yelp", List.of("yelp-reviews", "restaurants"));

    private SampleReviews() {
    }

    /** One labelled sentence: what it says, whether its annotators called it positive, and its segments. */
    public record Review(String source, String externalId, String text, boolean positive, Map<String, String> segments) {

        public Review {
            segments = Map.copyOf(segments);
        }

        /** The same review under another id and with more segments. */
        public Review with(String newExternalId, Map<String, String> moreSegments) {
            Map<String, String> all = new LinkedHashMap<>(segments);
            all.putAll(moreSegments);
            return new Review(source, newExternalId, text, positive, all);
        }

        public Map<String, Object> toFeedbackItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("source", source);
            item.put("externalId", externalId);
            item.put("channel", "review");
            item.put("text", text);
            item.put("language", "en");
            item.put("segments", segments);
            return item;
        }
    }

    public static List<Review> read(Path directory) {
        List<Review> reviews = new ArrayList<>();
        for (var dataset : DATASETS.entrySet()) {
            Path file = directory.resolve(dataset.getKey() + "_labelled.txt");
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sample reviews from " + file, e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String[] parts = lines.get(i).split("\t");
                if (parts.length == 2 && !parts[0].isBlank()) {
                    reviews.add(new Review(dataset.getValue().get(0), "line-" + (i + 1), parts[0].strip(),
                            parts[1].strip().equals("1"), Map.of("category", dataset.getValue().get(1))));
                }
            }
        }
        reviews.sort(java.util.Comparator.comparing(Review::source).thenComparing(Review::externalId));
        return reviews;
    }

    /** A JSON array of the reviews as feedback items, ready to POST to {@code /v1/feedback}. */
    public static String toJsonArray(List<Review> reviews) {
        try {
            return Json.mapper().writeValueAsString(reviews.stream().map(Review::toFeedbackItem).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
