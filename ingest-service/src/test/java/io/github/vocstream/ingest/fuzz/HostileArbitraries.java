package io.github.vocstream.ingest.fuzz;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.vocstream.ingest.fuzz.Hostility.Credentials;
import io.github.vocstream.ingest.fuzz.Hostility.Edit;
import io.github.vocstream.ingest.fuzz.Hostility.Raw;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The generators of the fuzz tier. They aim at what has broken parsers before: markup and addresses that make
 * patterns backtrack, deep nesting, huge numbers and dates, invalid UTF-8 and surrogates, control characters, and
 * sizes from nothing to past the 1 MiB request limit; the field names are those our payloads use.
 */
final class HostileArbitraries {

    /** Units that are repeated into long strings; each is a known trouble maker for some text handling. */
    private static final List<String> UNITS = List.of("<", "<a ", "</", "<script>", "<!--", "&#", "&amp;", "x@y", ".a", "@",
            "a.", "1 ", "+1 ", "4111 ", "-", "(", ")", "\\", "\"", "'", "\u0000", "\t", "\r\n", "\n", " ", ".", "!", "?",
            "é", "\uD83D\uDE00", "\uD800", "\u202E", "\uFEFF", "a", "ab ", "http://x/", "[", "]", "{", "}", ":", ",",
            "not ", "never ", "https://", "#", "$", "%", "\u00A0");

    /** Field names of our payloads and of the platforms', so that edits land where the parsers look. */
    private static final List<String> FIELDS = List.of("text", "title", "source", "externalId", "channel", "language",
            "rating", "author", "occurredAt", "segments", "tags", "id", "type", "event", "topic", "content", "body",
            "description", "subject", "uri", "url", "did", "time_us", "commit", "record", "operation", "collection", "rkey",
            "created_at", "createdAt", "reblog", "visibility", "account", "data", "item", "ticket", "detail", "payload",
            "message_type", "private", "sender", "conversation", "threads", "customer", "stars", "consumer", "events",
            "locale", "product", "name", "link_id", "subreddit", "freshdesk_webhook", "article", "internal", "from");

    private static final List<String> ODD_JSON = List.of("null", "true", "false", "[]", "{}", "0", "-0", "-1", "1.5",
            "2147483648", "9223372036854775808", "1e999999", "-1e-999999", "1E400", "NaN", "Infinity", "0x10", "01",
            "\"\"", "\" \"", "[null]", "[[]]", "{\"\":null}", "\"unterminated", "{", "[", "'single'", "tru",
            "\"9999999-01-01T00:00:00Z\"", "\"+1000000000-12-31T23:59:59Z\"", "\"2026-02-30T25:61:00Z\"", "\"2026-11-29\"",
            "\"-1\"", "\"1e999999\"", "\"at://did:plc:x/app.bsky.feed.post/\"", "\"*\"", "\"../../etc/passwd\"");

    private HostileArbitraries() {
    }

    static Arbitrary<Hostility> hostility() {
        Arbitrary<List<Edit>> edits = edit().list().ofMinSize(1).ofMaxSize(4);
        // Most tries edit the real payload (no body of their own), so that they get past the parser's first line.
        Arbitrary<Raw> raw = rawBody().injectNull(0.8);
        Arbitrary<Credentials> credentials = Arbitraries.frequency(
                Tuple.of(16, Credentials.VALID),
                Tuple.of(1, Credentials.MISSING),
                Tuple.of(1, Credentials.HOSTILE));
        return Combinators.combine(edits, raw, credentials, headerValue()).as(Hostility::new);
    }

    private static Arbitrary<Edit> edit() {
        Arbitrary<Edit.Action> actions = Arbitraries.frequency(
                Tuple.of(4, Edit.Action.REPLACE),
                Tuple.of(5, Edit.Action.SET_FIELD),
                Tuple.of(1, Edit.Action.REMOVE));
        return Combinators.combine(actions, Arbitraries.integers().between(0, 1_000), Arbitraries.of(FIELDS), json())
                .as(Edit::new);
    }

    /** A JSON value, or something that is almost one. */
    static Arbitrary<String> json() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, hostileString().map(HostileArbitraries::quoted)),
                Tuple.of(2, Arbitraries.of(ODD_JSON)),
                Tuple.of(1, Arbitraries.integers().between(1, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                Tuple.of(1, Arbitraries.integers().between(1, 5_000)
                        .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                Tuple.of(1, hostileString().list().ofMaxSize(30)
                        .map(values -> values.stream().map(HostileArbitraries::quoted).toList().toString())));
    }

    /** Short strings of any characters, or a trouble-making unit repeated up to past the request limit. */
    static Arbitrary<String> hostileString() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(UNITS).list().ofMinSize(1).ofMaxSize(3), times())
                .as((units, times) -> String.join("", units).repeat(times));
        Arbitrary<String> words = Arbitraries.of("great", "terrible", "refund", "not", "never", "late", "love", "broken",
                "support", "@user", "#tag", ":(", ":)", "!!!", "?").list().ofMaxSize(200).map(list -> String.join(" ", list));
        return Arbitraries.frequencyOf(
                Tuple.of(3, any), Tuple.of(4, repeated), Tuple.of(2, words));
    }

    /** How often a unit repeats: mostly a little, sometimes up to about a mebibyte and beyond. */
    private static Arbitrary<Integer> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(90, Arbitraries.integers().between(1, 100)),
                Tuple.of(8, Arbitraries.integers().between(100, 20_000)),
                Tuple.of(2, Arbitraries.integers().between(20_000, 300_000)));
    }

    private static Arbitrary<Raw> rawBody() {
        return Combinators.combine(Arbitraries.of(Raw.Kind.class), Arbitraries.of(UNITS), times(), Arbitraries.longs())
                .as(Raw::new);
    }

    /** A header value the HTTP client will send: visible ASCII and spaces, up to 4,000 characters. */
    private static Arbitrary<String> headerValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4_000),
                Arbitraries.of("", " ", "Bearer", "Bearer ", "Basic !!!", "sha256=", "v1,", "v1,AAAA", "-1", "0",
                        "99999999999999999999999", "1e999", "2026-02-30T25:61:00Z", "+1000000000-12-31T23:59:59Z",
                        "9223372036854775807", "-9223372036854775808"));
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
