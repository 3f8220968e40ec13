package io.github.vocstream.ingest.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.test.HttpCalls;
import io.github.vocstream.ingest.RawTopicIT;
import io.github.vocstream.ingest.feedback.ApiKeys;
import io.github.vocstream.ingest.feedback.ExternalIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Social posts on a real broker: a connector's batch is published post by post, or not at all; deletions retract. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialIT extends RawTopicIT {

    private static final String KEY = "k-listener-91c2";
    private static final String DELETED_POST = id("bluesky", "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3lbrzzzzzzz2c");

    @Override
    protected String clientKey() {
        return KEY;
    }

    @Test
    void eachPlatformsPostsArePublishedDeletionsRetractedAndTheRestSkipped() throws IOException {
        var mastodon = post("mastodon", fixture("mastodon/statuses.json"), KEY);
        var bluesky = post("bluesky", fixture("bluesky/jetstream-events.json"), KEY);
        var reddit = post("reddit", fixture("reddit/comments.json"), KEY);

        assertThat(mastodon.statusCode()).as(mastodon.body()).isEqualTo(202);
        assertThat(HttpCalls.json(mastodon).get("accepted").intValue()).isEqualTo(1);
        assertThat(HttpCalls.json(mastodon).has("retracted")).as("only shown when something was retracted").isFalse();
        assertThat(HttpCalls.json(bluesky).get("accepted").intValue()).isEqualTo(1);
        assertThat(HttpCalls.json(bluesky).get("retracted")).extracting(JsonNode::textValue)
                .containsExactly(DELETED_POST);
        assertThat(HttpCalls.json(reddit).get("ids")).extracting(JsonNode::textValue).containsExactly("reddit:t1_kx9p2q1");
        assertThat(HttpCalls.json(reddit).get("retracted")).extracting(JsonNode::textValue).containsExactly("reddit:t1_kx9p2q2");
        var records = readUntil("reddit:t1_kx9p2q2");
        assertThat(records).extracting(ConsumerRecord::key).contains(
                id("mastodon", "https://fosstodon.org/users/kim/statuses/113520000000000001"),
                id("bluesky", "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3lbs2yzt4rk2c"));
        // No id names its author: not the Mastodon account, not the Bluesky DID.
        assertThat(records).extracting(ConsumerRecord::key).noneMatch(key -> key.contains("kim") || key.contains("did:plc"));
        // A retraction is a record under the post's id without a value.
        assertThat(records).filteredOn(record -> record.value() == null).extracting(ConsumerRecord::key)
                .containsExactly(DELETED_POST, "reddit:t1_kx9p2q2");
    }

    @Test
    void aDeletionWithoutItsRecordKeyIsRefusedAndPublishesNothing() {
        String begin = postMarker();
        String deletion = """
                [{"did":"did:plc:eygmaihciaxprqvxpfvl6flk","kind":"commit",
                  "commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"3lbs2yzt9zz9z",
                            "record":{"text":"Never published, because the next event is malformed.","createdAt":"2026-11-23T09:10:00Z"}}},
                 {"did":"did:plc:eygmaihciaxprqvxpfvl6flk","kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.post"}}]
                """;

        var refused = post("bluesky", deletion.getBytes(StandardCharsets.UTF_8), KEY);

        assertProblem(refused, 400);
        assertThat(refused.body()).contains("[1].commit.rkey");
        assertNothingPublishedSince(begin, id("bluesky", "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3lbs2yzt9zz9z"));
    }

    @Test
    void aBadPostAWrongKeyOrAnUnknownPlatformPublishesNothing() throws IOException {
        String begin = postMarker();
        byte[] statuses = new String(fixture("mastodon/statuses.json"), StandardCharsets.UTF_8)
                .replace("113520000000000001", "113520000000000777").getBytes(StandardCharsets.UTF_8);

        assertProblem(post("mastodon", statuses, "not-the-key"), 401);
        assertProblem(post("myspace", statuses, KEY), 404);
        var invalid = post("mastodon", "[{\"uri\":\"https://x.example/s/1\",\"content\":\"\"}, 7]".getBytes(StandardCharsets.UTF_8), KEY);
        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("[0].content", "[1]");

        assertNothingPublishedSince(begin, id("mastodon", "https://fosstodon.org/users/kim/statuses/113520000000000777"),
                id("mastodon", "https://x.example/s/1"));
    }

    static String id(String platform, String uri) {
        return FeedbackEvent.idOf(platform, ExternalIds.of(platform, uri));
    }

    private HttpResponse<String> post(String platform, byte[] body, String key) {
        return HttpCalls.postJson(uri("/v1/social/" + platform), body, Map.of(ApiKeys.HEADER, key));
    }
}
