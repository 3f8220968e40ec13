package io.github.vocstream.localstack;

import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled review sentences of Kotzias et al. (KDD 2015) in {@code data/reviews}, as feedback items for the
 * ingest API. Each line is {@code sentence<TAB>label}; its line number makes a stable external id, so replaying
 * the files again is counted once.
 *
 * <p>The data set kept each sentence's label but not the rating its review gave, so each gets a <b>simulated</b>
 * rating, drawn from its label by its line number, for the score tables to show something: the Amazon sentences
 * stars (1-5), the Yelp sentences stand in for the comments of an NPS survey (0-10). The local stack tells the
 * aggregator so ({@link #RATING_SCALES}). They are for looking at the tables, not for conclusions.
 */
public final class SampleReviews {

    /** File name prefix, source name and category of each data set. */
    private static final Map<String, List<String>> DATASETS = Map.of(
            "amazon_cells", List.of("amazon-reviews", "cell-phones"),
            "yelp", List.of("yelp-reviews", "restaurants"));

    /** The scale of each data set's simulated ratings, as the aggregator's {@code voc.ratings.sources} says it. */
    public static final String RATING_SCALES = "amazon-reviews=stars,yelp-reviews=nps";

    /** Ratings by the last digit of a line number: mostly high for a positive sentence, mostly low for a negative one. */
    private static final Map<String, int[][]> SIMULATED = Map.of(
            "amazon-reviews", new int[][] {{1, 1, 2, 1, 2, 3, 1, 2, 1, 4}, {5, 4, 5, 5, 4, 3, 5, 4, 5, 5}},
            "yelp-reviews", new int[][] {{0, 2, 3, 5, 6, 4, 1, 7, 5, 8}, {10, 9, 9, 10, 8, 9, 10, 7, 9, 10}});

    private SampleReviews() {
    }

    /** One labelled sentence: what it says, whether its annotators called it positive, its segments and rating. */
    public record Review(String source, String externalId, String text, boolean positive, Map<String, String> segments,
                         Integer rating) {

        public Review {
            segments = Map.copyOf(segments);
        }

        /** A review without a rating. */
        public Review(String source, String externalId, String text, boolean positive, Map<String, String> segments) {
            this(source, externalId, text, positive, segments, null);
        }

        /** The same review under another id and with more segments. */
        public Review with(String newExternalId, Map<String, String> moreSegments) {
            Map<String, String> all = new LinkedHashMap<>(segments);
            all.putAll(moreSegments);
            return new Review(source, newExternalId, text, positive, all, rating);
        }

        /** The raw event ingest would make of it, received {@code at}: for programs that write the raw topic themselves. */
        public FeedbackEvent toEvent(Instant at) {
            return new FeedbackEvent(FeedbackEvent.SCHEMA_VERSION, FeedbackEvent.idOf(source, externalId), source, externalId,
                    Channel.REVIEW, text, null, "en", rating, null, at, at, segments, List.of());
        }

        public Map<String, Object> toFeedbackItem() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("source", source);
            item.put("externalId", externalId);
            item.put("channel", "review");
            item.put("text", text);
            item.put("language", "en");
            item.put("segments", segments);
            if (rating != null) {
                item.put("rating", rating);
            }
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
                    String source = dataset.getValue().get(0);
                    boolean positive = parts[1].strip().equals("1");
                    reviews.add(new Review(source, "line-" + (i + 1), parts[0].strip(), positive,
                            Map.of("category", dataset.getValue().get(1)), SIMULATED.get(source)[positive ? 1 : 0][(i + 1) % 10]));
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
