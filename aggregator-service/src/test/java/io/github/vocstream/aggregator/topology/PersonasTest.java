package io.github.vocstream.aggregator.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vocstream.aggregator.alert.AlertSettings;
import io.github.vocstream.common.event.SentimentLabel;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class PersonasTest {

    private static final Personas EU_PRO = Personas.parse("personas.yml", new StringReader("""
            personas:
              eu-pro: {region: EU, plan: pro}
              reviewers: {channel: review}
            """));

    @Test
    void anItemIsInEveryPersonaWhoseSegmentsItIsIn() {
        assertThat(EU_PRO.of(List.of("all", "channel:review", "region:EU", "plan:pro")))
                .containsExactly("persona:eu-pro", "persona:reviewers");
        assertThat(EU_PRO.of(List.of("all", "channel:ticket", "region:EU", "plan:free"))).isEmpty();
    }

    @Test
    void aBadDefinitionNamesItsLine() {
        assertThatThrownBy(() -> parse("personas:\n  eu-pro: {region: EU}\n  Big Spenders: {plan: pro}\n"))
                .hasMessage("p.yml, line 3: a persona's name is lower-case letters, digits and '-', was 'Big Spenders'");
        assertThatThrownBy(() -> parse("personas:\n  eu-pro:\n    region: EU\n    all: x\n"))
                .hasMessage("p.yml, line 4: 'all' is not a dimension a persona can combine");
        assertThatThrownBy(() -> parse("personas:\n  eu-pro: []\n")).hasMessageStartingWith("p.yml, line 2: persona 'eu-pro' must map");
        assertThatThrownBy(() -> parse("segments:\n  eu-pro: {region: EU}\n")).hasMessageContaining("'personas:'");
        assertThatThrownBy(() -> parse("personas: {a: {region: [EU")).hasMessageStartingWith("p.yml, line 1");
    }

    @Test
    void aPersonaHasItsOwnRowAndARetractionTakesItBackOut() {
        try (AggregatorDriver driver = new AggregatorDriver(AggregatorConfiguration.defaults(), AlertSettings.defaults(), EU_PRO)) {
            KeyValueStore<String, SegmentSentiment> segments = driver.driver.getKeyValueStore(AggregatorTopology.SEGMENT_SENTIMENT_STORE);
            var euPro = AnnotatedFeedbacks.feedback("p-1", AggregatorDriver.START, SentimentLabel.NEGATIVE, -0.5,
                    Map.of("region", "EU", "plan", "pro"));
            var euFree = AnnotatedFeedbacks.feedback("p-2", AggregatorDriver.START, SentimentLabel.POSITIVE, 0.5,
                    Map.of("region", "EU", "plan", "free"));
            driver.pipe(euPro);
            driver.pipe(euFree);

            assertThat(segments.get("persona:eu-pro").count()).isEqualTo(1);
            assertThat(segments.get("persona:eu-pro").negative()).isEqualTo(1);
            assertThat(segments.get("persona:reviewers").count()).isEqualTo(2);

            driver.retract(euPro.id(), AggregatorDriver.START.plus(Duration.ofMinutes(5)));
            assertThat(segments.get("persona:eu-pro")).isNull();
            assertThat(segments.get("persona:reviewers").count()).isEqualTo(1);
        }
    }

    private static Personas parse(String yaml) {
        return Personas.parse("p.yml", new StringReader(yaml));
    }
}
