package io.github.vocstream.sentiment.training;

import io.github.vocstream.sentiment.classifier.LinearSentimentModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the shipped sentiment model and writes it with its provenance beside it. Run by
 * {@code sentiment-training/train.sh}, which fetches the lexicon first. It prints, and writes into the provenance,
 * how a model trained without each corpus does on that corpus (text of a kind it never saw), then how the shipped
 * model does on the held-back fifth of each corpus ({@link HeldBackSplit}).
 */
public final class TrainModel {

    static final String MODEL_NAME = "voc-linear-3class";

    private TrainModel() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(option(args, "--data", "../shared/data"));
        Path lexiconFile = Path.of(option(args, "--lexicon", "sentiment-training/target/lexicon/package/src/vader_lexicon.js"));
        Path out = Path.of(option(args, "--out", "sentiment-service/src/main/resources/voc/sentiment-model.tsv.gz"));
        double sigma = Double.parseDouble(option(args, "--sigma", "0.2"));
        int minCount = Integer.parseInt(option(args, "--min-count", "2"));
        String shares = option(args, "--class-shares", "0.4,0.3,0.3");
        double[] classShares = Arrays.stream(shares.split(",")).mapToDouble(Double::parseDouble).toArray();

        Map<String, Double> lexicon = Lexicon.read(lexiconFile);
        List<TokenizedText> texts = TokenizedText.of(Corpora.all(data), 2);
        List<TokenizedText> pool = texts.stream().filter(text -> !HeldBackSplit.isHeldBack(text.text().text())).toList();
        List<TokenizedText> heldBack = texts.stream().filter(text -> HeldBackSplit.isHeldBack(text.text().text())).toList();
        SentimentTrainer trainer = new SentimentTrainer(lexicon, sigma, minCount, classShares);
        StringBuilder report = new StringBuilder();

        report.append("Trained without the corpus, scored on its training part (text of a kind never seen):\n\n");
        for (String corpus : List.of(Corpora.TWEETEVAL, Corpora.SANDERS, Corpora.REVIEWS)) {
            LinearSentimentModel model = toModel(trainer.train(without(pool, corpus)), lexicon);
            report.append(scores(corpus, model, only(pool, corpus)));
        }

        Map<String, double[]> weights = trainer.train(pool);
        try (OutputStream file = Files.newOutputStream(out)) {
            LinearSentimentModel.write(file, MODEL_NAME, lexicon, weights);
        }
        LinearSentimentModel shipped;
        try (InputStream file = Files.newInputStream(out)) {
            shipped = LinearSentimentModel.read(file);
        }
        report.append("The shipped model on the held-back fifth of each corpus:\n\n");
        for (String corpus : List.of(Corpora.TWEETEVAL, Corpora.SANDERS, Corpora.REVIEWS)) {
            report.append(scores(corpus, shipped, only(heldBack, corpus)));
        }
        System.out.print(report);
        Path provenance = out.resolveSibling(out.getFileName().toString().replace(".tsv.gz", ".provenance.md"));
        Files.writeString(provenance, provenance(shipped, data, lexiconFile, sigma, minCount, shares, pool.size(), weights.size(), report));
        System.out.printf(Locale.ROOT, "%nwrote %s (%s, %d features) and %s%n", out, shipped.id(), weights.size(), provenance);
    }

    private static LinearSentimentModel toModel(Map<String, double[]> weights, Map<String, Double> lexicon) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinearSentimentModel.write(bytes, MODEL_NAME, lexicon, weights);
        return LinearSentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String scores(String corpus, LinearSentimentModel model, List<TokenizedText> texts) {
        ClassScores scores = new ClassScores();
        for (TokenizedText text : texts) {
            scores.add(text.text().label(), LinearSentimentModel.mostProbable(model.probabilities(text.tokens())));
        }
        return "    " + corpus + ": " + scores.summary() + "\n" + scores.confusionTable().indent(4) + "\n";
    }

    private static List<TokenizedText> without(List<TokenizedText> texts, String corpus) {
        return texts.stream().filter(text -> !text.text().corpus().equals(corpus)).toList();
    }

    private static List<TokenizedText> only(List<TokenizedText> texts, String corpus) {
        return texts.stream().filter(text -> text.text().corpus().equals(corpus)).toList();
    }

    private static String provenance(LinearSentimentModel model, Path data, Path lexicon, double sigma, int minCount,
                                     String classShares, int trainingTexts, int features, CharSequence report) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path file : Corpora.files(data)) {
            hashes.put("../shared/data/" + data.relativize(file), sha256(file));
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Provenance of `sentiment-model.tsv.gz`");
        lines.add("");
        lines.add("Model id: `" + model.id() + "` (name, then the first 12 hex digits of the SHA-256 of the uncompressed file).");
        lines.add("Written by `sentiment-training/train.sh` (`" + TrainModel.class.getName() + "`); the same data and");
        lines.add("parameters give the same file, byte for byte.");
        lines.add("");
        lines.add("## Parameters");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "- multinomial logistic regression over `SentimentFeatures`, quadratic prior sigma %s, features seen in"
                + " at least %d texts,%n  class shares (negative, neutral, positive) %s", sigma, minCount, classShares));
        lines.add("- command: `sentiment-training/train.sh --sigma " + sigma + " --min-count " + minCount + " --class-shares " + classShares + "`");
        lines.add("- trained on " + trainingTexts + " texts (all but the held-back fifth of each corpus), " + features + " features kept");
        lines.add("");
        lines.add("## Data (SHA-256)");
        lines.add("");
        hashes.forEach((file, hash) -> lines.add("- `" + file + "` " + hash));
        lines.add("- VADER's lexicon, `src/vader_lexicon.js` of the npm package vader-sentiment 1.1.3 (Apache-2.0, Copyright 2018");
        lines.add("  Comcast Cable Communications Management, LLC; the lexicon itself: Hutto and Gilbert, ICWSM 2014, MIT) " + sha256(lexicon) + ";");
        lines.add("  its valences are copied into the model file's `lexicon` lines");
        lines.add("");
        lines.add("## Evaluation, as printed by the training run");
        lines.add("");
        lines.add("```");
        lines.add(report.toString().stripTrailing());
        lines.add("```");
        return String.join("\n", lines) + "\n";
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
