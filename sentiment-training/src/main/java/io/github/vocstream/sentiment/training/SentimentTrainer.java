package io.github.vocstream.sentiment.training;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.LogPrior;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.sentiment.classifier.SentimentFeatures;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the sentiment model: a multinomial logistic regression (CoreNLP's {@link LinearClassifierFactory}, quasi-Newton,
 * deterministic) over {@link SentimentFeatures}, with a quadratic prior of width {@code sigma}. Each class weighs its
 * given share in total, whatever its count in the corpora, so the model takes its class prior from what we expect of
 * customer feedback (mostly complaints) rather than from general tweets (mostly neutral). Features seen in fewer
 * than {@code minCount} texts are left out.
 */
public final class SentimentTrainer {

    private final SentimentFeatures features;
    private final double sigma;
    private final int minCount;
    private final double[] classShares;

    /** {@code classShares}: the total weight of each class in training, in the order of {@link SentimentLabel}. */
    public SentimentTrainer(Map<String, Double> lexicon, double sigma, int minCount, double[] classShares) {
        if (classShares.length != SentimentLabel.values().length) {
            throw new IllegalArgumentException("one share per class expected: " + Arrays.toString(classShares));
        }
        this.features = new SentimentFeatures(lexicon);
        this.sigma = sigma;
        this.minCount = minCount;
        this.classShares = classShares.clone();
    }

    /** The weights per feature, in the order of {@link SentimentLabel}. */
    public Map<String, double[]> train(List<TokenizedText> texts) {
        List<Map<String, Double>> featuresOf = texts.stream().map(text -> features.of(text.tokens())).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        featuresOf.forEach(each -> each.keySet().forEach(feature -> documentFrequency.merge(feature, 1, Integer::sum)));
        Map<SentimentLabel, Integer> perClass = new EnumMap<>(SentimentLabel.class);
        texts.forEach(text -> perClass.merge(text.text().label(), 1, Integer::sum));

        RVFDataset<SentimentLabel, String> dataset = new RVFDataset<>();
        float[] weights = new float[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            Counter<String> counter = new ClassicCounter<>();
            featuresOf.get(i).forEach((feature, value) -> {
                if (documentFrequency.get(feature) >= minCount) {
                    counter.setCount(feature, value);
                }
            });
            SentimentLabel label = texts.get(i).text().label();
            dataset.add(new RVFDatum<>(counter, label));
            weights[i] = (float) (classShares[label.ordinal()] * texts.size() / perClass.get(label));
        }
        LinearClassifier<SentimentLabel, String> classifier = (LinearClassifier<SentimentLabel, String>)
                new LinearClassifierFactory<SentimentLabel, String>().trainClassifier(dataset, weights,
                        new LogPrior(LogPrior.LogPriorType.QUADRATIC, sigma, 1.0));
        Map<String, double[]> result = new HashMap<>();
        classifier.weightsAsMapOfCounters().forEach((label, byFeature) -> byFeature.entrySet().forEach(entry ->
                result.computeIfAbsent(entry.getKey(), feature -> new double[SentimentLabel.values().length])[label.ordinal()] = entry.getValue()));
        return result;
    }
}
