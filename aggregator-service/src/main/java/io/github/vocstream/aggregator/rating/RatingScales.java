package io.github.vocstream.aggregator.rating;

import io.github.vocstream.common.event.Channel;
import io.github.vocstream.common.event.FeedbackEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which scale each item's rating is on: the scale given for its source, else the one given for its channel, else
 * none. A rating on no scale, or outside its scale (a 7 from a star source), counts in no score; it still makes its
 * {@code rating:<n>} segment.
 *
 * <p>Written as {@code key=scale} pairs separated by commas, e.g. {@code trustpilot=stars,nps-survey=nps}, so that
 * one environment variable can say it; {@code none} as a scale takes a source or channel out of the scores.
 */
public final class RatingScales {

    /** Reviews come with stars: Trustpilot, app stores and the generic review feed ({@code POST /v1/reviews/{source}}). */
    public static final String DEFAULT_CHANNELS = "review=stars";

    private final Map<String, Optional<RatingScale>> bySource;
    private final Map<Channel, Optional<RatingScale>> byChannel;

    private RatingScales(Map<String, Optional<RatingScale>> bySource, Map<Channel, Optional<RatingScale>> byChannel) {
        this.bySource = Map.copyOf(bySource);
        this.byChannel = Map.copyOf(byChannel);
    }

    public static RatingScales defaults() {
        return parse("", DEFAULT_CHANNELS);
    }

    /**
     * Reads the settings {@code voc.ratings.sources} and {@code voc.ratings.channels}.
     *
     * @throws IllegalArgumentException naming the setting and the pair at fault
     */
    public static RatingScales parse(String sources, String channels) {
        return new RatingScales(pairs("voc.ratings.sources", sources, Optional::of),
                pairs("voc.ratings.channels", channels, Channel::parse));
    }

    /** The item's rating on its scale, or empty when it has none that a score can use. */
    public Optional<Rating> of(FeedbackEvent event) {
        if (event.rating() == null) {
            return Optional.empty();
        }
        Optional<RatingScale> scale = bySource.containsKey(event.source()) ? bySource.get(event.source())
                : byChannel.getOrDefault(event.channel(), Optional.empty());
        return scale.filter(known -> known.accepts(event.rating())).map(known -> new Rating(known, event.rating()));
    }

    private static <K> Map<K, Optional<RatingScale>> pairs(String setting, String text, Function<String, Optional<K>> keys) {
        Map<K, Optional<RatingScale>> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException(setting + ": '" + pair.strip() + "' is not key=scale");
            }
            K key = keys.apply(parts[0].strip()).orElseThrow(() -> new IllegalArgumentException(
                    setting + ": '" + parts[0].strip() + "' is not a channel (ticket, review, social, survey)"));
            String name = parts[1].strip();
            Optional<RatingScale> scale = RatingScale.parse(name);
            if (scale.isEmpty() && !name.equalsIgnoreCase("none")) {
                throw new IllegalArgumentException(setting + ": '" + name + "' in '" + pair.strip()
                        + "' is not a scale (nps, csat, stars or none)");
            }
            pairs.put(key, scale);
        }
        return pairs;
    }
}
