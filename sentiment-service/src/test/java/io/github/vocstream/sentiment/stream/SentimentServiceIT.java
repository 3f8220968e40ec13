package io.github.vocstream.sentiment.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.vocstream.common.event.AnnotatedFeedback;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.event.FeedbackEvents;
import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.common.event.SentenceSentiment;
import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.common.event.ThemeMention;
import io.github.vocstream.common.event.ThemeSentiment;
import io.github.vocstream.common.kafka.Headers;
import io.github.vocstream.common.kafka.JsonSerde;
import io.github.vocstream.common.kafka.TopicNames;
import io.github.vocstream.common.kafka.Topics;
import io.github.vocstream.common.test.PrometheusScrape;
import io.github.vocstream.testkit.SharedKafka;
import io.github.vocstream.localkafka.TopicAdmin;
import io.github.vocstream.localkafka.TopicReader;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.language.LanguageIdentifier;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import io.github.vocstream.sentiment.nlp.TextSentiment;
import io.github.vocstream.taxonomy.TaxonomyLoader;
import io.micronaut.configuration.kafka.config.KafkaProducerConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service on a real broker, with the real CoreNLP pipeline: the one test class here that loads it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentimentServiceIT implements TestPropertyProvider {

    private final String suffix = UUID.randomUUID().toString();
    private final String raw = "raw-" + suffix;
    private final String annotated = "annotated-" + suffix;
    private final String dlq = "dlq-" + suffix;

    @Inject
    SentimentPipeline pipeline;

    @Inject
    LanguageIdentifier languages;

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        String bootstrap = SharedKafka.broker().bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, 2, List.of(raw, annotated, dlq));
        return Map.of("kafka.bootstrap.servers", bootstrap,
                "voc.topics.raw", raw, "voc.topics.annotated", annotated, "voc.topics.dlq", dlq,
                "voc.sentiment.group-id", "sentiment-" + suffix);
    }

    /**
     * The producer's settings come from application.yml as shipped (this test sets none of them): a lost
     * acknowledgement must not write an annotation twice out of order, nor a broker failover lose one.
     */
    @Test
    void theShippedProducerIsIdempotentAndWaitsForEveryReplica() {
        Properties inForce = context.getBean(KafkaProducerConfiguration.class, Qualifiers.byName("sentiment-producer")).getConfig();

        assertThat(inForce.get(ProducerConfig.ACKS_CONFIG)).hasToString("all");
        assertThat(inForce.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).hasToString("true");
    }

    @Test
    void eachSentenceGetsItsOwnSentimentAndSpan() {
        String text = "The staff were lovely and helpful. The refund process was terrible and the support was awful.";

        TextSentiment sentiment = pipeline.analyze(text);

        assertThat(sentiment.sentences()).hasSize(2);
        SentenceSentiment first = sentiment.sentences().get(0);
        SentenceSentiment second = sentiment.sentences().get(1);
        assertThat(text.substring(first.begin(), first.end())).isEqualTo("The staff were lovely and helpful.");
        assertThat(first.score()).isPositive();
        assertThat(second.score()).isNegative();
        assertThat(first.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(second.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(sentiment.model()).startsWith("voc-linear-3class@");
        // negative, neutral, positive
        assertThat(first.probabilities()).hasSize(3);
        assertThat(first.probabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void themesAreFoundOnLemmasWithTheSpanOfTheirWords() {
        String text = "Refunds are slow. I was REFUNDED after a month, and I was on hold for an hour.";

        TextSentiment sentiment = pipeline.analyze(text);

        assertThat(sentiment.sentences()).hasSize(2);
        assertThat(sentiment.sentences().get(0).themes()).extracting(ThemeMention::theme).contains("refund");
        assertThat(sentiment.sentences().get(1).themes()).extracting(ThemeMention::theme).containsExactly("refund", "wait-time");
        assertThat(sentiment.sentences().stream().flatMap(sentence -> sentence.themes().stream())
                .map(mention -> text.substring(mention.begin(), mention.end())))
                .contains("Refunds", "REFUNDED", "on hold");
        assertThat(sentiment.themes()).filteredOn(theme -> theme.theme().equals("refund"))
                .singleElement().satisfies(refund -> assertThat(refund.mentions()).isEqualTo(2));
    }

    @Test
    void eachThemeInAMixedSentenceTakesTheSentimentOfItsOwnClause() {
        TextSentiment sentiment = pipeline.analyze("The food was excellent but the waiter was rude.");

        assertThat(sentiment.sentences()).singleElement().satisfies(sentence -> assertThat(sentence.themes())
                .extracting(ThemeMention::theme, ThemeMention::label)
                .containsExactly(tuple("food", SentimentLabel.POSITIVE), tuple("staff", SentimentLabel.NEGATIVE),
                        tuple("staff/attitude", SentimentLabel.NEGATIVE)));
        assertThat(sentiment.themes()).extracting(ThemeSentiment::theme, ThemeSentiment::label).containsExactly(
                tuple("food", SentimentLabel.POSITIVE), tuple("staff", SentimentLabel.NEGATIVE),
                tuple("staff/attitude", SentimentLabel.NEGATIVE));

        // The stock model hears no complaint in "the refund took six weeks", but the praise stays with the staff.
        TextSentiment refund = pipeline.analyze("The staff were lovely but the refund took six weeks.");
        assertThat(refund.themes()).extracting(ThemeSentiment::theme, ThemeSentiment::label).containsExactly(
                tuple("staff", SentimentLabel.POSITIVE), tuple("refund", SentimentLabel.NEUTRAL));
    }

    @Test
    void aProblemThemeIsNegativeWhereTheModelHearsNoComplaintAndRollsUp() {
        TextSentiment sentiment = pipeline.analyze("My package never arrived. The new loyalty program is great.");

        assertThat(sentiment.sentences().get(0).themes()).extracting(ThemeMention::theme, ThemeMention::label)
                .contains(tuple("delivery/late", SentimentLabel.NEGATIVE));
        assertThat(sentiment.themes()).extracting(ThemeSentiment::theme).contains("delivery", "delivery/late");
        assertThat(sentiment.sentences().get(1).candidateTerms()).containsExactly("loyalty program");
    }

    @Test
    void textInAnotherLanguageIsSplitIntoSentencesWithoutAnyVerdict() {
        String text = "Die Lieferung kam zwei Wochen zu spät. Der Kundenservice war trotzdem freundlich.";

        TextSentiment sentiment = pipeline.withoutScores(text, "de");

        assertThat(pipeline.reads("de")).isFalse();
        assertThat(pipeline.reads("en")).isTrue();
        assertThat(sentiment.document()).isNull();
        assertThat(sentiment.sentences()).extracting(sentence -> text.substring(sentence.begin(), sentence.end()))
                .containsExactly("Die Lieferung kam zwei Wochen zu spät.", "Der Kundenservice war trotzdem freundlich.");
        assertThat(sentiment.sentences()).allSatisfy(sentence -> {
            assertThat(sentence.label()).isNull();
            assertThat(sentence.probabilities()).isEmpty();
        });
        // The shipped taxonomy has English terms only.
        assertThat(sentiment.themes()).isEmpty();
    }

    @Test
    void aDocumentOverItsTimeCapIsRejectedWithTheReason() {
        var impatient = new SentimentConfiguration("linear", 1, SentimentConfiguration.defaults().parserModel(), 100,
                Duration.ofMillis(1), 0.1);
        var annotator = new FeedbackAnnotator(pipeline, languages, Topics.named(new TopicNames(raw, annotated, dlq)), impatient);
        String longText = "The delivery was late and the box was damaged. ".repeat(40);
        byte[] value = JsonSerde.of(FeedbackEvent.class).serialize(raw, FeedbackEvents.review("slow", longText, Map.of()));

        Outcome outcome = annotator.annotate(raw, value);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("annotation took longer than PT0.001S"));
    }

    @Test
    void coreNlpsOwnVerdictStaysSelectable() {
        var coreNlp = new SentimentPipeline(SentimentConfiguration.defaults().withModel("corenlp"), TaxonomyLoader.defaultTaxonomy());

        TextSentiment sentiment = coreNlp.analyze("The staff were lovely and helpful. The refund process was terrible.");

        assertThat(sentiment.model()).startsWith("corenlp-sentiment-rntn");
        assertThat(sentiment.sentences()).hasSize(2).allSatisfy(sentence -> {
            assertThat(sentence.probabilities()).hasSize(5);
            assertThat(sentence.label()).isEqualTo(SentenceSentiment.labelOf(sentence.sentimentClass()));
        });
        assertThat(sentiment.document().probability()).isNull();
    }

    @Test
    void anUnknownModelStopsTheStartNamingTheChoices() {
        var unknown = SentimentConfiguration.defaults().withModel("bert");

        assertThatThrownBy(() -> new SentimentPipeline(unknown, TaxonomyLoader.defaultTaxonomy()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("voc.sentiment.model must be 'linear' or 'corenlp', was 'bert'");
    }

    @Test
    void aSentenceLongerThanTheParserCapIsJudgedInPartsThatCoverIt() {
        String endless = "I waited and " + "waited and ".repeat(120) + "nobody ever called me back, the refund is late, "
                + "the delivery never came, " + "and the support said nothing ".repeat(20) + "which was awful.";

        TextSentiment sentiment = pipeline.analyze(endless);

        assertThat(sentiment.sentences()).hasSizeGreaterThan(3).allSatisfy(sentence -> {
            assertThat(sentence.probabilities()).hasSize(3);
            assertThat(endless.substring(sentence.begin(), sentence.end()).split(" ")).hasSizeLessThanOrEqualTo(100);
        });
        assertThat(sentiment.sentences().get(0).begin()).isZero();
        assertThat(sentiment.sentences().get(sentiment.sentences().size() - 1).end()).isEqualTo(endless.length());
        // Each part is parsed, so a theme's part of it is found as in any sentence.
        assertThat(sentiment.themes()).extracting(ThemeSentiment::theme).contains("refund", "delivery");
        assertThat(sentiment.document().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aTextOfTheFullLengthWithoutPunctuationIsAnnotatedWithinTheDefaultTimeCap() {
        var annotator = new FeedbackAnnotator(pipeline, languages, Topics.named(new TopicNames(raw, annotated, dlq)),
                SentimentConfiguration.defaults());
        String phrase = "the parcel never came and nobody at the depot could tell me where it went ";
        String longest = phrase.repeat(FeedbackRules.MAX_TEXT_LENGTH / phrase.length()).strip();
        byte[] value = JsonSerde.of(FeedbackEvent.class).serialize(raw, FeedbackEvents.review("longest", longest, Map.of()));

        Outcome outcome = annotator.annotate(raw, value);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Annotated.class, annotated ->
                assertThat(annotated.feedback().sentences()).hasSizeGreaterThan(40));
    }

    @Test
    void rawFeedbackIsAnnotatedRetractionsArePassedOnAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        FeedbackEvent happy = FeedbackEvents.review("happy", "I love this phone. Wonderful battery and a great screen!", Map.of());
        FeedbackEvent angry = FeedbackEvents.review("angry", "Terrible service. The worst purchase I have ever made.", Map.of());
        FeedbackEvent future = new FeedbackEvent(99, "generic:future", "generic", "future", happy.channel(), "Hi",
                null, null, null, null, happy.occurredAt(), happy.receivedAt(), Map.of(), List.of());
        var serde = JsonSerde.of(FeedbackEvent.class);

        try (var producer = producer()) {
            send(producer, "generic:corrupt", "{this is not json".getBytes(StandardCharsets.UTF_8));
            send(producer, future.id(), serde.serialize(raw, future));
            send(producer, happy.id(), serde.serialize(raw, happy));
            send(producer, angry.id(), serde.serialize(raw, angry));
            send(producer, happy.id(), null);
            send(producer, null, null);
        }

        String bootstrap = SharedKafka.broker().bootstrapServers();
        List<ConsumerRecord<String, byte[]>> out = TopicReader.readCount(bootstrap, annotated, 3, Duration.ofSeconds(90));
        // The retraction of happy is passed on without a value, after happy's annotation in the same partition.
        assertThat(out).filteredOn(record -> happy.id().equals(record.key())).extracting(record -> record.value() == null)
                .containsExactly(false, true);
        var annotations = out.stream()
                .filter(record -> record.value() != null)
                .map(record -> JsonSerde.of(AnnotatedFeedback.class).deserialize(annotated, record.value()))
                .toList();
        assertThat(annotations).extracting(AnnotatedFeedback::id).containsExactlyInAnyOrder(happy.id(), angry.id());
        assertThat(annotations).filteredOn(a -> a.id().equals(happy.id()))
                .singleElement().satisfies(a -> {
                    assertThat(a.document().label()).isEqualTo(SentimentLabel.POSITIVE);
                    assertThat(a.document().probability()).isGreaterThan(1.0 / 3);
                    assertThat(a.model()).isEqualTo(pipeline.analyze("Hi").model()).startsWith("voc-linear-3class@");
                    assertThat(a.feedback()).isEqualTo(happy);
                    assertThat(a.sentences()).hasSize(2);
                });
        assertThat(annotations).filteredOn(a -> a.id().equals(angry.id()))
                .singleElement().satisfies(a -> assertThat(a.document().label()).isEqualTo(SentimentLabel.NEGATIVE));
        assertThat(out).allSatisfy(record -> assertThat(record.headers().lastHeader(Headers.FEEDBACK_ID)).isNotNull());

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readCount(bootstrap, dlq, 3, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("generic:corrupt", "generic:future", null);
        assertThat(dead).filteredOn(record -> record.key() == null).singleElement().satisfies(keyless ->
                assertThat(header(keyless, Headers.DLQ_REASON)).isEqualTo("a retraction must be keyed by the feedback id"));
        ConsumerRecord<String, byte[]> corrupt = dead.stream().filter(r -> "generic:corrupt".equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(corrupt.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
        assertThat(header(corrupt, Headers.DLQ_REASON)).isEqualTo("value is not a feedback event");
        assertThat(header(corrupt, Headers.DLQ_SERVICE)).isEqualTo("sentiment-service");
        assertThat(header(corrupt, Headers.DLQ_SOURCE)).startsWith(raw + "-").contains("@");
        assertThat(header(corrupt, Headers.DLQ_EXCEPTION)).endsWith("SerializationException");

        PrometheusScrape scrape = PrometheusScrape.of(server.getURI());
        assertThat(scrape.sum("voc_sentiment_annotation_seconds_count", Map.of("outcome", "annotated", "service", "sentiment")))
                .isGreaterThanOrEqualTo(2);
        assertThat(scrape.sum("voc_sentiment_annotation_seconds_count", Map.of("outcome", "rejected"))).isGreaterThanOrEqualTo(2);
        assertThat(scrape.sum("voc_sentiment_dead_letters_total", Map.of())).isGreaterThanOrEqualTo(3);
        assertThat(scrape.hasMetricStartingWith("kafka_consumer_records_lag_max")).as(scrape.names().toString()).isTrue();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(raw, key, value)).get(30, TimeUnit.SECONDS);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
