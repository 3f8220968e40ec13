package io.github.vocstream.aggregator.query;

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
    IMPACT(Comparator.comparingDouble(ThemeView::impact));

    private final Comparator<ThemeView> order;

    ThemeSort(Comparator<ThemeView> order) {
        this.order = order.thenComparing(ThemeView::theme);
    }

    public Comparator<ThemeView> order() {
        return order;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ThemeSort> parse(String value) {
        for (ThemeSort sort : values()) {
            if (sort.key().equals(value)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
