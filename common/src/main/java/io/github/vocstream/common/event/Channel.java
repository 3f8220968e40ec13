package io.github.vocstream.common.event;

import java.util.Locale;
import java.util.Optional;

/** Where a piece of feedback was said: a support ticket, a review, a social post or a survey answer. */
public enum Channel {
    TICKET, REVIEW, SOCIAL, SURVEY;

    /** Case-insensitive lookup, so that payloads may say "review" or "REVIEW". */
    public static Optional<Channel> parse(String name) {
        for (Channel channel : values()) {
            if (channel.name().equalsIgnoreCase(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The lower-case form used in segment keys such as {@code channel:review}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
