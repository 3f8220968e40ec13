package io.github.vocstream.aggregator.api;

import io.github.vocstream.aggregator.api.view.SegmentSummary;
import io.github.vocstream.aggregator.api.view.SegmentView;
import io.github.vocstream.aggregator.api.view.ThemeList;
import io.github.vocstream.aggregator.api.view.ThemeSort;
import io.github.vocstream.aggregator.api.view.ThemeView;
import io.github.vocstream.aggregator.query.Lookup;
import io.github.vocstream.aggregator.query.SegmentQueries;
import io.github.vocstream.aggregator.topology.SegmentSentiment;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A segment's tables as the API shows them, built from this instance's stores: its totals and its themes. Each
 * answer is missing when nothing has been counted in the segment; run them inside {@link SegmentQueries#inSegment}.
 */
@Singleton
public class SegmentViews {

    private final SegmentQueries queries;
    private final KnownThemes themes;

    public SegmentViews(SegmentQueries queries, KnownThemes themes) {
        this.queries = queries;
        this.themes = themes;
    }

    public Lookup<SegmentView> segment(String segment) {
        return queries.counted(segment).map(totals -> SegmentView.of(segment, totals));
    }

    /** The segment's themes in {@code order}, the first {@code limit} of them. */
    public Lookup<ThemeList> themes(String segment, ThemeSort order, int limit) {
        return queries.counted(segment).map(totals -> themes(segment, totals, order, limit));
    }

    /** What a dashboard shows of a segment at a glance: its totals and every theme, the drivers first. */
    public Lookup<SegmentSummary> summary(String segment) {
        return queries.counted(segment).map(totals -> new SegmentSummary(SegmentView.of(segment, totals),
                themes(segment, totals, ThemeSort.IMPACT, ThemeController.MAX_LIMIT)));
    }

    private ThemeList themes(String segment, SegmentSentiment totals, ThemeSort order, int limit) {
        List<ThemeView> rows = queries.themes(segment).entrySet().stream()
                .map(theme -> ThemeView.of(theme.getKey(), themes.labelOf(theme.getKey()), theme.getValue(), totals))
                .sorted(order.order())
                .limit(limit)
                .toList();
        return new ThemeList(segment, totals.count(), totals.meanScore(), order.key(), rows);
    }
}
