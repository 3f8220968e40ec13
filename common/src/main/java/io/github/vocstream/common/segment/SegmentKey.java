package io.github.vocstream.common.segment;

import io.github.vocstream.common.event.FeedbackEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The segments a piece of feedback counts in: {@code all}, {@code channel:<channel>}, {@code source:<source>},
 * {@code rating:<stars>} when it has a star rating, and {@code <dimension>:<value>} for each of its segment
 * attributes. The rating segment puts what customers say beside how many stars they gave.
 */
public final class SegmentKey {

    public static final String ALL = "all";
    public static final String CHANNEL = "channel";
    public static final String SOURCE = "source";
    public static final String RATING = "rating";

    private SegmentKey() {
    }

    /** Every segment key the event belongs to, each once, {@code all} first. */
    public static List<String> of(FeedbackEvent event) {
        List<String> keys = new ArrayList<>(4 + event.segments().size());
        keys.add(ALL);
        keys.add(CHANNEL + ":" + event.channel().key());
        keys.add(SOURCE + ":" + event.source());
        if (event.rating() != null) {
            keys.add(RATING + ":" + event.rating());
        }
        for (Map.Entry<String, String> segment : event.segments().entrySet()) {
            keys.add(segment.getKey() + ":" + segment.getValue());
        }
        return keys;
    }

    /** True for {@code all} and for {@code dimension:value} with both parts non-empty. */
    public static boolean isWellFormed(String key) {
        if (ALL.equals(key)) {
            return true;
        }
        int colon = key.indexOf(':');
        return colon > 0 && colon < key.length() - 1;
    }

    /** Built-in dimensions that a payload's own segment attributes may not reuse. */
    public static boolean isReservedDimension(String dimension) {
        return ALL.equals(dimension) || CHANNEL.equals(dimension) || SOURCE.equals(dimension) || RATING.equals(dimension);
    }
}
