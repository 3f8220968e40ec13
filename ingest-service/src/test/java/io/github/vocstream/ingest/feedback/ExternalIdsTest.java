package io.github.vocstream.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalIdsTest {

    private static final String STATUS = "https://fosstodon.org/users/kim/statuses/113520000000000001";
    private static final String POST = "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3lbs2yzt4rk2c";

    @Test
    void aPostUriThatNamesItsAuthorIsKeptAsAHashThatNamesNoOne() {
        String status = ExternalIds.of("mastodon", STATUS);
        String post = ExternalIds.of("bluesky", POST);

        assertThat(status).matches("h-[A-Za-z0-9_-]{27}").doesNotContain("kim").doesNotContain("fosstodon");
        assertThat(post).matches("h-[A-Za-z0-9_-]{27}").doesNotContain("did").isNotEqualTo(status);
    }

    @Test
    void theSamePostAlwaysGetsTheSameIdAndAHashedIdStaysAsItIs() {
        String once = ExternalIds.of("mastodon", STATUS);

        assertThat(ExternalIds.of("mastodon", STATUS)).isEqualTo(once);
        assertThat(ExternalIds.of("mastodon", once)).isEqualTo(once);
        assertThat(ExternalIds.of("mastodon", STATUS.replace("001", "002"))).isNotEqualTo(once);
    }

    @Test
    void otherIdsAreKeptAsTheyAre() {
        assertThat(ExternalIds.of("zendesk", "ticket-4711")).isEqualTo("ticket-4711");
        assertThat(ExternalIds.of("reddit", "t1_kx9p2q1")).isEqualTo("t1_kx9p2q1");
        assertThat(ExternalIds.of("mastodon", "live-1")).isEqualTo("live-1");
        assertThat(ExternalIds.of("acme", STATUS)).isEqualTo(STATUS);
    }
}
