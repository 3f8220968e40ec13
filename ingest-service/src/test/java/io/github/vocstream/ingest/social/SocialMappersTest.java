package io.github.vocstream.ingest.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import io.github.vocstream.common.kafka.Json;
import io.github.vocstream.ingest.feedback.Retraction;
import io.github.vocstream.http.problem.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SocialMappersTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void aMastodonStatusIsKeyedByItsUriAndABoostIsSkipped() throws IOException {
        JsonNode statuses = fixture("mastodon/statuses.json");
        List<FieldError> errors = new ArrayList<>();
        var mapper = new MastodonStatusMapper();

        FeedbackEvent status = mapper.toFeedbackEvent(statuses.get(0), "", NOW, errors).orElseThrow();

        assertThat(status.id()).isEqualTo(SocialIT.id("mastodon", "https://fosstodon.org/users/kim/statuses/113520000000000001"));
        assertThat(status.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(status.text()).isEqualTo("The new #acmeapp update logs me out every hour. Really annoying & slow.");
        assertThat(status.language()).isEqualTo("en");
        assertThat(status.author()).isEqualTo("109000000000000042");
        assertThat(status.occurredAt()).isEqualTo(Instant.parse("2026-11-23T09:10:00Z"));
        assertThat(status.segments()).isEqualTo(Map.of("instance", "fosstodon.org", "visibility", "public"));
        assertThat(status.tags()).containsExactly("acmeapp");
        assertThat(mapper.toFeedbackEvent(statuses.get(1), "", NOW, errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aBlueskyPostIsKeyedByItsAtUriAndDeletionsLikesAndIdentitiesAreSkipped() throws IOException {
        JsonNode events = fixture("bluesky/jetstream-events.json");
        List<FieldError> errors = new ArrayList<>();
        var mapper = new BlueskyPostMapper();

        FeedbackEvent post = mapper.toFeedbackEvent(events.get(0), "", NOW, errors).orElseThrow();

        assertThat(post.id()).isEqualTo(SocialIT.id("bluesky", "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3lbs2yzt4rk2c"));
        assertThat(post.text()).startsWith("Ordered from @acme.example two weeks ago");
        assertThat(post.language()).isEqualTo("en");
        assertThat(post.author()).isEqualTo("did:plc:eygmaihciaxprqvxpfvl6flk");
        for (int i = 1; i < events.size(); i++) {
            assertThat(mapper.toFeedbackEvent(events.get(i), "", NOW, errors)).as("event " + i).isEmpty();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aRedditCommentIsKeyedByItsFullnameWithItsMarkdownMadePlain() throws IOException {
        JsonNode comments = fixture("reddit/comments.json");
        List<FieldError> errors = new ArrayList<>();
        var mapper = new RedditCommentMapper();

        FeedbackEvent comment = mapper.toFeedbackEvent(comments.get(0), "", NOW, errors).orElseThrow();

        assertThat(comment.id()).isEqualTo("reddit:t1_kx9p2q1");
        assertThat(comment.text()).isEqualTo("Has anyone got a refund?\n\n"
                + "Nope. Three weeks and counting, see their policy. Support keeps closing my ticket.");
        assertThat(comment.occurredAt()).isEqualTo(Instant.ofEpochSecond(1795424400));
        assertThat(comment.segments()).isEqualTo(Map.of("subreddit", "acmestore"));
        assertThat(mapper.toFeedbackEvent(comments.get(1), "", NOW, errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void aDeletedBlueskyPostOrRedditCommentRetractsItsIdAndAPostRetractsNothing() throws IOException {
        JsonNode events = fixture("bluesky/jetstream-events.json");
        JsonNode comments = fixture("reddit/comments.json");
        List<FieldError> errors = new ArrayList<>();
        var bluesky = new BlueskyPostMapper();
        var reddit = new RedditCommentMapper();

        assertThat(bluesky.toRetraction(events.get(1), "", errors)).contains(new Retraction("bluesky",
                SocialIT.id("bluesky", "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3lbrzzzzzzz2c")));
        assertThat(reddit.toRetraction(comments.get(1), "", errors)).contains(new Retraction("reddit", "reddit:t1_kx9p2q2"));
        for (JsonNode other : List.of(events.get(0), events.get(2), events.get(3))) {
            assertThat(bluesky.toRetraction(other, "", errors)).isEmpty();
        }
        assertThat(reddit.toRetraction(comments.get(0), "", errors)).isEmpty();
        assertThat(new MastodonStatusMapper().toRetraction(fixture("mastodon/statuses.json").get(0), "", errors))
                .isEmpty();
        assertThat(errors).isEmpty();

        ((ObjectNode) events.get(1).path("commit")).remove("rkey");
        ((ObjectNode) comments.get(1).path("data")).put("name", "kx9p2q2");
        assertThat(bluesky.toRetraction(events.get(1), "[1].", errors)).isEmpty();
        assertThat(reddit.toRetraction(comments.get(1), "[2].", errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("[1].commit.rkey", "[2].data.name");
    }

    @Test
    void malformedPostsNameTheirFields() throws IOException {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode status = (ObjectNode) fixture("mastodon/statuses.json").get(0);
        status.remove("uri");
        status.put("content", "<p> </p>");
        ObjectNode post = (ObjectNode) fixture("bluesky/jetstream-events.json").get(0);
        ((ObjectNode) post.path("commit").path("record")).put("createdAt", "yesterday");
        ObjectNode comment = (ObjectNode) fixture("reddit/comments.json").get(0);
        ((ObjectNode) comment.path("data")).put("name", "kx9p2q1").put("created_utc", "noon");

        Optional<FeedbackEvent> none = new MastodonStatusMapper().toFeedbackEvent(status, "[0].", NOW, errors)
                .or(() -> new BlueskyPostMapper().toFeedbackEvent(post, "[1].", NOW, errors))
                .or(() -> new RedditCommentMapper().toFeedbackEvent(comment, "[2].", NOW, errors));

        assertThat(none).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("[0].uri", "[0].content",
                "[1].commit.record.createdAt", "[2].data.name", "[2].data.created_utc");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = SocialMappersTest.class.getResourceAsStream("/fixtures/" + name)) {
            return Json.mapper().readTree(in);
        }
    }
}
