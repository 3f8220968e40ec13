package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.rating.RatingScale;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The orders {@code GET /v1/segments/{segment}/themes} knows; ties go to the theme id, so pages are stable. */
public enum ThemeSort {

    /** Most mentioned first. */
    MENTIONS(Comparator.comparingLong(ThemeView::mentions).reversed()),
    /** Most negative mentions first. */
    NEGATIVE(Comparator.comparingLong(ThemeView::negative).reversed()),
    /** The theme that drags the segment's sentiment down most first, the one that lifts it most last. */
    IMPACT(Comparator.comparingDouble(ThemeView::impact)),
    /** The theme that pulls the segment's NPS down most first; themes without an NPS impact last. */
    NPS_IMPACT(byScoreImpact(RatingScale.NPS)),
    /** The theme that pulls the segment's CSAT down most first; themes without a CSAT impact last. */
    CSAT_IMPACT(byScoreImpact(RatingScale.CSAT)),
    /** The theme that pulls the segment's mean stars down most first; themes without a stars impact last. */
    STARS_IMPACT(byScoreImpact(RatingScale.STARS));

    private final Comparator<ThemeView> order;

    ThemeSort(Comparator<ThemeView> order) {
        this.order = order.thenComparing(ThemeView::theme);
    }

    public Comparator<ThemeView> order() {
        return order;
    }

    /** The name a request gives, e.g. {@code nps-impact}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Comparator<ThemeView> byScoreImpact(RatingScale scale) {
        return Comparator.comparing(view -> view.scores().on(scale).impact(), Comparator.nullsLast(Comparator.naturalOrder()));
    }

    public static Optional<ThemeSort> parse(String value) {
        for (ThemeSort sort : values()) {
            if (sort.key().equals(value)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
