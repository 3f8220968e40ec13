package io.github.vocstream.sentiment.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LinearSentimentModelTest {

    private static final Map<String, double[]> WEIGHTS = Map.of(
            "bias", new double[] {0.1, 0.2, -0.3},
            "w:refund", new double[] {1.5, -0.5, -1.0},
            "lex:positive", new double[] {-2.0, -0.5, 2.5});

    @Test
    void probabilitiesAreTheSoftmaxOfTheWeightedFeatures() {
        LinearSentimentModel model = roundTrip("test", Map.of("great", 3.1), WEIGHTS);

        double[] probabilities = model.probabilities(List.of("refund"));

        // features: bias 1, w:refund 1, b:..., lex:none 1 (only bias and w:refund have weights)
        double[] logits = {0.1 + 1.5, 0.2 - 0.5, -0.3 - 1.0};
        double sum = Arrays.stream(logits).map(Math::exp).sum();
        assertThat(probabilities[0]).isCloseTo(Math.exp(logits[0]) / sum, within(1e-6));
        assertThat(probabilities[2]).isCloseTo(Math.exp(logits[2]) / sum, within(1e-6));
        assertThat(Arrays.stream(probabilities).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theLexiconTravelsInTheModelFile() {
        LinearSentimentModel model = roundTrip("test", Map.of("great", 3.1), WEIGHTS);

        assertThat(model.probabilities(List.of("great"))[2]).isGreaterThan(model.probabilities(List.of("fine"))[2]);
    }

    @Test
    void theIdIsTheNameAndAHashOfTheContentSoAnotherModelHasAnotherId() {
        String first = roundTrip("voc-test", Map.of(), WEIGHTS).id();
        String same = roundTrip("voc-test", Map.of(), WEIGHTS).id();
        String other = roundTrip("voc-test", Map.of(), Map.of("bias", new double[] {0, 0, 1})).id();

        assertThat(first).matches("voc-test@[0-9a-f]{12}").isEqualTo(same).isNotEqualTo(other);
    }

    @Test
    void aBrokenFileNamesItsLine() throws IOException {
        byte[] file = gzip("name\tx\nweight\tbias\t1\t2\nweight\tw:a\t1\t2\t3\n");

        assertThatThrownBy(() -> LinearSentimentModel.read(new ByteArrayInputStream(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sentiment model, line 2:");
    }

    @Test
    void theShippedModelLoads() {
        LinearSentimentModel shipped = io.github.vocstream.sentiment.nlp.SentimentPipeline.shippedModel();

        assertThat(shipped.id()).startsWith("voc-linear-3class@");
        assertThat(shipped.probabilities(List.of("I", "love", "it", "!"))[2]).isGreaterThan(0.5);
    }

    private static LinearSentimentModel roundTrip(String name, Map<String, Double> lexicon, Map<String, double[]> weights) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinearSentimentModel.write(bytes, name, lexicon, weights);
        return LinearSentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static byte[] gzip(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
