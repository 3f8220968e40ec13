package io.github.vocstream.sentiment.classifier;

import io.github.vocstream.common.event.SentimentLabel;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over {@link SentimentFeatures}: one weight per feature and class (negative,
 * neutral, positive), read from a model file that also holds the valence lexicon the features use, so one file
 * decides every verdict. Its id, the name and the start of the SHA-256 of the file's content, tells annotations
 * made by different models apart. Thread-safe once built.
 *
 * <p>The file is gzip-compressed UTF-8 text, one entry a line, tab-separated: {@code name <name>}, then
 * {@code lexicon <word> <valence>} and {@code weight <feature> <negative> <neutral> <positive>} lines.
 */
public final class LinearSentimentModel {

    private static final List<SentimentLabel> CLASSES = List.of(SentimentLabel.values());

    private final String id;
    private final SentimentFeatures features;
    private final Map<String, float[]> weights;

    private LinearSentimentModel(String id, SentimentFeatures features, Map<String, float[]> weights) {
        this.id = id;
        this.features = features;
        this.weights = weights;
    }

    public String id() {
        return id;
    }

    /** The probability of each class, in the order of {@link SentimentLabel}, for a text given as its tokens. */
    public double[] probabilities(List<String> tokens) {
        double[] logits = new double[CLASSES.size()];
        for (Map.Entry<String, Double> feature : features.of(tokens).entrySet()) {
            float[] w = weights.get(feature.getKey());
            if (w != null) {
                for (int k = 0; k < logits.length; k++) {
                    logits[k] += w[k] * feature.getValue();
                }
            }
        }
        return softmax(logits);
    }

    /** The most probable class of {@link #probabilities}: the label, with neutral a class like the others. */
    public static SentimentLabel mostProbable(double[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return CLASSES.get(best);
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        double[] probabilities = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] = Math.exp(logits[k] - max);
            sum += probabilities[k];
        }
        for (int k = 0; k < logits.length; k++) {
            probabilities[k] /= sum;
        }
        return probabilities;
    }

    /** Reads a model file; a file that is not one fails with a message saying which line is wrong. */
    public static LinearSentimentModel read(InputStream gzipped) {
        String content;
        try (InputStream in = new GZIPInputStream(gzipped)) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentiment model", e);
        }
        String name = null;
        Map<String, Double> lexicon = new HashMap<>();
        Map<String, float[]> weights = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(content))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String[] fields = line.split("\t", -1);
                try {
                    switch (fields[0]) {
                        case "name" -> name = fields[1];
                        case "lexicon" -> lexicon.put(fields[1], Double.parseDouble(fields[2]));
                        case "weight" -> weights.put(fields[1], new float[] {Float.parseFloat(fields[2]),
                                Float.parseFloat(fields[3]), Float.parseFloat(fields[4])});
                        default -> throw new IllegalArgumentException("unknown entry '" + fields[0] + "'");
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("sentiment model, line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name == null || weights.isEmpty()) {
            throw new IllegalArgumentException("sentiment model: no name or no weights");
        }
        return new LinearSentimentModel(name + "@" + sha256(content).substring(0, 12), new SentimentFeatures(lexicon), weights);
    }

    /** Writes a model file in a stable order, so the same model always has the same bytes and id. */
    public static void write(OutputStream out, String name, Map<String, Double> lexicon, Map<String, double[]> weights) {
        StringBuilder content = new StringBuilder("name\t").append(name).append('\n');
        new TreeMap<>(lexicon).forEach((word, valence) -> content.append("lexicon\t").append(word).append('\t')
                .append(valence).append('\n'));
        new TreeMap<>(weights).forEach((feature, w) -> content.append(String.format(Locale.ROOT, "weight\t%s\t%.5g\t%.5g\t%.5g%n",
                feature, w[0], w[1], w[2])));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
                writer.write(content.toString());
            }
            out.write(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sentiment model", e);
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
