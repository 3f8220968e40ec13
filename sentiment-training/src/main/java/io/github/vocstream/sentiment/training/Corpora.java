package io.github.vocstream.sentiment.training;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.vocstream.common.event.SentimentLabel;
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
 * Reads the labelled corpora the model is trained and judged on, as {@code ../shared/data} lays them out:
 * TweetEval's sentiment task (validation and test splits), the Sanders brand tweets (without those labelled
 * irrelevant: not about the brand, mostly not English) and the Kotzias et al. review sentences (binary).
 */
public final class Corpora {

    public static final String TWEETEVAL = "tweeteval";
    public static final String SANDERS = "sanders";
    public static final String REVIEWS = "reviews";

    private static final List<SentimentLabel> TWEETEVAL_LABELS =
            List.of(SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE);
    private static final Map<String, SentimentLabel> SANDERS_LABELS = Map.of("negative", SentimentLabel.NEGATIVE,
            "neutral", SentimentLabel.NEUTRAL, "positive", SentimentLabel.POSITIVE);

    private Corpora() {
    }

    /** Every corpus under {@code data} (the folder holding {@code tweets/} and {@code reviews/}). */
    public static List<LabelledText> all(Path data) {
        List<LabelledText> texts = new ArrayList<>();
        texts.addAll(tweetEval(data.resolve("tweets/tweeteval")));
        texts.addAll(sanders(data.resolve("tweets/sanders/full-corpus.csv")));
        texts.addAll(reviews(data.resolve("reviews")));
        return texts;
    }

    /** The files {@link #all} reads, for the provenance of a model. */
    public static List<Path> files(Path data) {
        return List.of(data.resolve("tweets/tweeteval/val_text.txt"), data.resolve("tweets/tweeteval/val_labels.txt"),
                data.resolve("tweets/tweeteval/test_text.txt"), data.resolve("tweets/tweeteval/test_labels.txt"),
                data.resolve("tweets/sanders/full-corpus.csv"), data.resolve("reviews/amazon_cells_labelled.txt"),
                data.resolve("reviews/yelp_labelled.txt"));
    }

    public static List<LabelledText> tweetEval(Path folder) {
        List<LabelledText> texts = new ArrayList<>();
        for (String split : List.of("val", "test")) {
            List<String> lines = lines(folder.resolve(split + "_text.txt"));
            List<String> labels = lines(folder.resolve(split + "_labels.txt"));
            if (lines.size() != labels.size()) {
                throw new IllegalStateException(split + ": " + lines.size() + " texts but " + labels.size() + " labels");
            }
            for (int i = 0; i < lines.size(); i++) {
                texts.add(new LabelledText(TWEETEVAL, split + "-" + (i + 1), lines.get(i).strip(),
                        TWEETEVAL_LABELS.get(Integer.parseInt(labels.get(i).strip()))));
            }
        }
        return texts;
    }

    public static List<LabelledText> sanders(Path csv) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<LabelledText> texts = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(csv.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                SentimentLabel label = SANDERS_LABELS.get(row.get("Sentiment"));
                if (label != null && !row.get("TweetText").isBlank()) {
                    texts.add(new LabelledText(SANDERS, row.get("TweetId"), row.get("TweetText").strip(), label));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        return texts;
    }

    public static List<LabelledText> reviews(Path folder) {
        List<LabelledText> texts = new ArrayList<>();
        for (String file : List.of("amazon_cells_labelled.txt", "yelp_labelled.txt")) {
            List<String> lines = lines(folder.resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                String[] parts = lines.get(i).split("\t");
                if (parts.length == 2 && !parts[0].isBlank()) {
                    SentimentLabel label = parts[1].strip().equals("1") ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
                    texts.add(new LabelledText(REVIEWS, file + "-" + (i + 1), parts[0].strip(), label));
                }
            }
        }
        return texts;
    }

    /**
     * The behaviour sets of the tests, written for them and never trained on: {@code complaints.tsv} (complaints told
     * as facts), {@code neutral.tsv} (questions and plain statements) and {@code praise.tsv}, one
     * {@code channel<TAB>text} a line, {@code #} starting a comment. The corpus of each text is its kind.
     */
    public static List<LabelledText> behaviour(Path folder) {
        Map<String, SentimentLabel> kinds = new LinkedHashMap<>();
        kinds.put("complaints", SentimentLabel.NEGATIVE);
        kinds.put("neutral", SentimentLabel.NEUTRAL);
        kinds.put("praise", SentimentLabel.POSITIVE);
        List<LabelledText> texts = new ArrayList<>();
        kinds.forEach((kind, label) -> {
            List<String> lines = lines(folder.resolve(kind + ".tsv"));
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\t", 2);
                if (!lines.get(i).startsWith("#") && fields.length == 2) {
                    texts.add(new LabelledText(kind, fields[0] + "-" + (i + 1), fields[1], label));
                }
            }
        });
        return texts;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
