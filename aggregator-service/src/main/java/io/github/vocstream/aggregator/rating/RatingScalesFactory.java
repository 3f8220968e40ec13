package io.github.vocstream.aggregator.rating;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

/** Reads {@code voc.ratings.*} when the service starts, so that a scale nobody knows stops the start. */
@Factory
public class RatingScalesFactory {

    @Context
    RatingScales ratingScales(@Value("${voc.ratings.sources:}") String sources,
                              @Value("${voc.ratings.channels:" + RatingScales.DEFAULT_CHANNELS + "}") String channels) {
        return RatingScales.parse(sources, channels);
    }
}
