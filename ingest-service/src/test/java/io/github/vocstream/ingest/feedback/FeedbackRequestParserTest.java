package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.http.problem.FieldError;
import io.github.vocstream.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackRequestParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final FeedbackRequestParser parser = new FeedbackRequestParser(3);

    @Test
    void aSingleItemBecomesOneEventWithAStableId() {
        List<FeedbackEvent> events = parse("""
                {"source":"zendesk","externalId":"4711","channel":"ticket","text":"Still no refund.",
                 "title":"Refund","language":"en","rating":2,"author":"cust-9",
                 "occurredAt":"2026-11-23T08:59:00+01:00","segments":{"region":" EU ","plan":"pro"},
                 "somethingNew":true}""");

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("zendesk:4711");
            assertThat(event.channel()).isEqualTo(Channel.TICKET);
            assertThat(event.text()).isEqualTo("Still no refund.");
            assertThat(event.rating()).isEqualTo(2);
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T07:59:00Z"));
            assertThat(event.receivedAt()).isEqualTo(NOW);
            assertThat(event.segments()).isEqualTo(Map.of("region", "EU", "plan", "pro"));
            assertThat(event.schemaVersion()).isEqualTo(FeedbackEvent.SCHEMA_VERSION);
        });
    }


    @Test
    void occurredAtDefaultsToTheTimeOfReceipt() {
        assertThat(parse(item("a", "Fine.")).get(0).occurredAt()).isEqualTo(NOW);
    }

    @Test
    void anArrayBecomesOneEventPerItemInOrder() {
        List<FeedbackEvent> events = parse("[" + item("a", "One.") + "," + item("b", "Two.") + "]");

        assertThat(events).extracting(FeedbackEvent::id).containsExactly("generic:a", "generic:b");
    }

    @Test
    void tagsAreTakenInLowerCaseOnceEachAndBadOnesNamed() {
        List<FeedbackEvent> events = parse("""
                {"source":"generic","externalId":"t","channel":"review","text":"Good.","tags":["VIP","refunds","vip"]}""");
        ProblemException problem = reject("""
                {"source":"generic","externalId":"t","channel":"review","text":"Good.","tags":["ok",7," "]}""");

        assertThat(events.get(0).tags()).containsExactly("refunds", "vip");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("tags[1]", "tags[2]");
        assertThat(reject("{\"source\":\"generic\",\"externalId\":\"t\",\"channel\":\"review\",\"text\":\"Good.\",\"tags\":\"vip\"}")
                .errors()).extracting(FieldError::field).containsExactly("tags");
    }

    @Test
    void everyFieldAtFaultIsNamedWithItsPositionInTheArray() {
        ProblemException problem = reject("""
                [{"source":"generic","externalId":"ok","channel":"review","text":"Good."},
                 {"source":"Bad Source","externalId":"x","channel":"fax","text":42,"rating":"5",
                  "occurredAt":"yesterday","segments":{"channel":"x","region":7}}]""");

        assertThat(problem.status().getCode()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "[1].source", "[1].channel", "[1].text", "[1].rating", "[1].occurredAt",
                "[1].segments.channel", "[1].segments.region");
        assertThat(problem.errors()).filteredOn(error -> error.field().equals("[1].text"))
                .extracting(FieldError::detail).containsExactly("must be a string, was a number");
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        assertThat(reject("{}").errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("source", "externalId", "channel", "text");
    }

    @Test
    void blankOrOversizedTextIsRefused() {
        assertThat(reject(item("a", "  ")).errors()).extracting(FieldError::field).containsExactly("text");
        assertThat(reject(item("a", "x".repeat(20_001))).errors()).extracting(FieldError::field).containsExactly("text");
    }

    @Test
    void anItemFromTheFutureIsRefused() {
        String json = """
                {"source":"generic","externalId":"a","channel":"review","text":"Hi","occurredAt":"2026-11-23T09:06:00Z"}""";

        assertThat(reject(json).errors()).extracting(FieldError::field).containsExactly("occurredAt");
    }

    @Test
    void malformedJsonNamesTheBodyAndWhere() {
        ProblemException problem = reject("{\"source\": ");

        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.detail()).contains("not valid JSON").contains("line 1");
        });
    }

    @Test
    void emptyBodiesAndScalarsAreRefused() {
        assertThat(reject("").errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(reject("[]").errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(reject("\"text\"").errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(reject("[1]").errors()).extracting(FieldError::field).containsExactly("[0]");
    }

    @Test
    void tooManyItemsIsTooLarge() {
        String four = "[" + String.join(",", item("a", "1"), item("b", "2"), item("c", "3"), item("d", "4")) + "]";

        assertThat(reject(four).status().getCode()).isEqualTo(413);
    }

    @Test
    void deeplyNestedJsonIsRefusedAsMalformed() {
        String deep = "{\"segments\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThat(reject(deep).errors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void newlineDelimitedJsonBecomesOneEventPerLine() {
        List<FeedbackEvent> events = parser.parseLines(item("a", "One.") + "\r\n" + item("b", "Two.") + "\n", NOW);

        assertThat(events).extracting(FeedbackEvent::id).containsExactly("generic:a", "generic:b");
    }

    @Test
    void everyLineAtFaultIsNamedByItsIndexAndNothingIsTaken() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> parser.parseLines(
                "{\"source\":\n \n" + item("c", "").replace("review", "fax"), NOW));

        assertThat(problem.status().getCode()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("[0]", "[1]", "[2].channel", "[2].text");
        assertThat(problem.errors().get(0).detail()).startsWith("is not valid JSON");
    }

    @Test
    void tooManyOrNoLinesAreRefusedWhole() {
        String four = String.join("\n", item("a", "1."), item("b", "2."), item("c", "3."), item("d", "4."));

        assertThat(catchThrowableOfType(ProblemException.class, () -> parser.parseLines(four, NOW)).status().getCode()).isEqualTo(413);
        assertThat(catchThrowableOfType(ProblemException.class, () -> parser.parseLines("\n", NOW)).errors())
                .extracting(FieldError::field).containsExactly("[0]");
        assertThat(catchThrowableOfType(ProblemException.class, () -> parser.parseLines("", NOW)).errors())
                .extracting(FieldError::field).containsExactly("body");
    }

    private List<FeedbackEvent> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private ProblemException reject(String json) {
        return catchThrowableOfType(ProblemException.class, () -> parse(json));
    }

    private static String item(String externalId, String text) {
        return "{\"source\":\"generic\",\"externalId\":\"" + externalId + "\",\"channel\":\"review\",\"text\":\"" + text + "\"}";
    }
}
