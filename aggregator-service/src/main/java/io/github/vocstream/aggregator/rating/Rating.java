package io.github.vocstream.aggregator.rating;

/** One item's rating read on its source's scale: the value is within the scale. */
public record Rating(RatingScale scale, int value) {

    public Rating {
        if (!scale.accepts(value)) {
            throw new IllegalArgumentException(value + " is not on the " + scale.key() + " scale");
        }
    }
}
