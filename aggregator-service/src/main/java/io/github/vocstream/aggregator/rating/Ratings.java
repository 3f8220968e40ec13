package io.github.vocstream.aggregator.rating;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * How many items gave each rating, per scale: the histograms every score is computed from. A scale nobody rated on
 * is an empty list, left out of the stored JSON, so unrated segments and buckets cost nothing.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Ratings(List<Long> nps, List<Long> csat, List<Long> stars) {

    public static final Ratings NONE = new Ratings(List.of(), List.of(), List.of());

    public Ratings {
        nps = nps == null ? List.of() : List.copyOf(nps);
        csat = csat == null ? List.of() : List.copyOf(csat);
        stars = stars == null ? List.of() : List.copyOf(stars);
    }

    /** These counts with {@code rating} added (sign 1) or taken back (sign −1); no rating changes nothing. */
    public Ratings plus(Rating rating, int sign) {
        if (rating == null) {
            return this;
        }
        long[] counts = histogram(rating.scale());
        counts[rating.value() - rating.scale().min()] += sign;
        return with(rating.scale(), counts);
    }

    /** The ratings counted here and not in {@code part}: e.g. a segment's without those of one theme. */
    public Ratings minus(Ratings part) {
        return combined(part, -1);
    }

    /** The ratings counted here and in {@code other}: two runs of items counted apart, added up. */
    public Ratings plus(Ratings other) {
        return combined(other, 1);
    }

    private Ratings combined(Ratings other, int sign) {
        if (other.isEmpty()) {
            return this;
        }
        Ratings result = this;
        for (RatingScale scale : RatingScale.values()) {
            long[] counts = histogram(scale);
            long[] others = other.histogram(scale);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += sign * others[i];
            }
            result = result.with(scale, counts);
        }
        return result;
    }

    /** The count of each value of {@code scale}, index 0 for its lowest value; zeros when none was counted. */
    public long[] histogram(RatingScale scale) {
        List<Long> stored = stored(scale);
        long[] counts = new long[scale.size()];
        for (int i = 0; i < stored.size() && i < counts.length; i++) {
            counts[i] = stored.get(i);
        }
        return counts;
    }

    public Score score(RatingScale scale) {
        return scale.score(histogram(scale));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return nps.isEmpty() && csat.isEmpty() && stars.isEmpty();
    }

    private List<Long> stored(RatingScale scale) {
        return switch (scale) {
            case NPS -> nps;
            case CSAT -> csat;
            case STARS -> stars;
        };
    }

    private Ratings with(RatingScale scale, long[] counts) {
        List<Long> list = new ArrayList<>(counts.length);
        boolean any = false;
        for (long count : counts) {
            list.add(count);
            any |= count != 0;
        }
        List<Long> kept = any ? list : List.of();
        return switch (scale) {
            case NPS -> new Ratings(kept, csat, stars);
            case CSAT -> new Ratings(nps, kept, stars);
            case STARS -> new Ratings(nps, csat, kept);
        };
    }
}
