package io.github.vocstream.sentiment.training;

import io.github.vocstream.common.event.SentimentLabel;
import java.util.Arrays;
import java.util.Locale;

/**
 * Scores predicted labels against gold labels: accuracy, and macro-F1 and macro-recall over the gold classes that
 * occur. On a binary corpus (no neutral gold) a neutral prediction is simply a miss, so a model may not hide behind
 * "neutral" on text that people called one or the other.
 */
public final class ClassScores {

    private static final SentimentLabel[] LABELS = SentimentLabel.values();

    private final int[][] confusion = new int[LABELS.length][LABELS.length];
    private int total;

    public void add(SentimentLabel gold, SentimentLabel predicted) {
        confusion[gold.ordinal()][predicted.ordinal()]++;
        total++;
    }

    public int count(SentimentLabel gold, SentimentLabel predicted) {
        return confusion[gold.ordinal()][predicted.ordinal()];
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (SentimentLabel label : LABELS) {
            correct += count(label, label);
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    public double macroF1() {
        return Arrays.stream(LABELS).filter(this::occurs).mapToDouble(this::f1).average().orElse(0);
    }

    public double macroRecall() {
        return Arrays.stream(LABELS).filter(this::occurs).mapToDouble(this::recall).average().orElse(0);
    }

    double f1(SentimentLabel label) {
        double precision = precision(label);
        double recall = recall(label);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private double precision(SentimentLabel label) {
        int predicted = Arrays.stream(LABELS).mapToInt(gold -> count(gold, label)).sum();
        return predicted == 0 ? 0 : (double) count(label, label) / predicted;
    }

    private double recall(SentimentLabel label) {
        int actual = Arrays.stream(confusion[label.ordinal()]).sum();
        return actual == 0 ? 0 : (double) count(label, label) / actual;
    }

    private boolean occurs(SentimentLabel gold) {
        return Arrays.stream(confusion[gold.ordinal()]).sum() > 0;
    }

    /** One line: accuracy, macro-F1, macro-recall and the number of texts. */
    public String summary() {
        return String.format(Locale.ROOT, "accuracy %.4f   macro-F1 %.4f   macro-recall %.4f   (%d texts)", accuracy(),
                macroF1(), macroRecall(), total);
    }

    /** The confusion matrix, gold labels as rows (those that occur), predictions as columns. */
    public String confusionTable() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-16s %9s %9s %9s%n", "gold \\ predicted",
                "negative", "neutral", "positive"));
        for (SentimentLabel gold : LABELS) {
            if (occurs(gold)) {
                table.append(String.format(Locale.ROOT, "%-16s %9d %9d %9d%n", gold.name().toLowerCase(Locale.ROOT),
                        count(gold, SentimentLabel.NEGATIVE), count(gold, SentimentLabel.NEUTRAL), count(gold, SentimentLabel.POSITIVE)));
            }
        }
        return table.toString();
    }
}
