package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.SentimentLabel;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores predicted labels against binary gold labels (positive or negative). A neutral prediction is never right,
 * so it costs accuracy and recall: a system may not hide behind "neutral" on text people called one or the other.
 */
public final class LabelScores {

    private static final List<SentimentLabel> GOLD = List.of(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE);

    private final Map<SentimentLabel, Map<SentimentLabel, Integer>> confusion = new EnumMap<>(SentimentLabel.class);
    private int total;

    public LabelScores() {
        for (SentimentLabel gold : GOLD) {
            Map<SentimentLabel, Integer> row = new EnumMap<>(SentimentLabel.class);
            for (SentimentLabel predicted : SentimentLabel.values()) {
                row.put(predicted, 0);
            }
            confusion.put(gold, row);
        }
    }

    public void add(boolean goldPositive, SentimentLabel predicted) {
        SentimentLabel gold = goldPositive ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
        confusion.get(gold).merge(predicted, 1, Integer::sum);
        total++;
    }

    public double accuracy() {
        int correct = GOLD.stream().mapToInt(label -> count(label, label)).sum();
        return total == 0 ? 0 : (double) correct / total;
    }

    /** The mean over the two gold classes of the F1 score, neutral predictions counting as misses. */
    public double macroF1() {
        return GOLD.stream().mapToDouble(this::f1).average().orElse(0);
    }

    double f1(SentimentLabel label) {
        int truePositives = count(label, label);
        int predicted = GOLD.stream().mapToInt(gold -> count(gold, label)).sum();
        int actual = confusion.get(label).values().stream().mapToInt(Integer::intValue).sum();
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = actual == 0 ? 0 : (double) truePositives / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public int count(SentimentLabel gold, SentimentLabel predicted) {
        return confusion.get(gold).get(predicted);
    }

    /** The confusion matrix, gold labels as rows, predictions as columns. */
    public String confusionTable() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-14s %9s %9s %9s%n", "gold \\ predicted",
                "negative", "neutral", "positive"));
        for (SentimentLabel gold : GOLD) {
            table.append(String.format(Locale.ROOT, "%-14s %9d %9d %9d%n", gold.name().toLowerCase(Locale.ROOT),
                    count(gold, SentimentLabel.NEGATIVE), count(gold, SentimentLabel.NEUTRAL), count(gold, SentimentLabel.POSITIVE)));
        }
        return table.toString();
    }
}
