package io.github.vocstream.common.segment;

import io.github.vocstream.common.event.FeedbackEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The segments a piece of feedback counts in: {@code all}, {@code channel:<channel>}, {@code source:<source>},
 * {@code rating:<stars>} when it has a star rating, {@code language:<tag>} for the language it was read in,
 * {@code <dimension>:<value>} for each of its segment attributes, and {@code tag:<tag>} for each of its tags. The rating segment puts what customers say beside how many stars they gave.
 */
public final class SegmentKey {

    public static final String ALL = "all";
    public static final String CHANNEL = "channel";
    public static final String SOURCE = "source";
    public static final String RATING = "rating";
    public static final String TAG = "tag";
    public static final String LANGUAGE = "language";
    /** Segments the aggregator adds for configured combinations of values (personas). */
    public static final String PERSONA = "persona";

    private SegmentKey() {
    }

    /**
     * Every segment key the event belongs to, each once, {@code all} first, with {@code language:<language>} when the
     * language it was read in is known (null for items annotated before languages were detected).
     */
    public static List<String> of(FeedbackEvent event, String language) {
        List<String> keys = new ArrayList<>(5 + event.segments().size() + event.tags().size());
        keys.add(ALL);
        keys.add(CHANNEL + ":" + event.channel().key());
        keys.add(SOURCE + ":" + event.source());
        if (event.rating() != null) {
            keys.add(RATING + ":" + event.rating());
        }
        if (language != null) {
            keys.add(LANGUAGE + ":" + language);
        }
        for (Map.Entry<String, String> segment : event.segments().entrySet()) {
            keys.add(segment.getKey() + ":" + segment.getValue());
        }
        for (String tag : event.tags()) {
            keys.add(TAG + ":" + tag);
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
        return ALL.equals(dimension) || CHANNEL.equals(dimension) || SOURCE.equals(dimension) || RATING.equals(dimension)
                || TAG.equals(dimension) || PERSONA.equals(dimension) || LANGUAGE.equals(dimension);
    }
}
