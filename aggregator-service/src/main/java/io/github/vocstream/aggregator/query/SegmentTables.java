package io.github.vocstream.aggregator.query;

import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.github.vocstream.http.problem.ProblemException;
import jakarta.inject.Singleton;
import java.util.List;

/** A segment's tables as the API shows them, built from this instance's stores: its totals and its themes. */
@Singleton
public class SegmentTables {

    private final SegmentQueries queries;
    private final KnownThemes themes;

    public SegmentTables(SegmentQueries queries, KnownThemes themes) {
        this.queries = queries;
        this.themes = themes;
    }

    /** The segment's totals, or 404 when nothing has been counted in it. */
    public SegmentSentiment requireSegment(String segment) {
        return queries.sentiment(segment)
                .orElseThrow(() -> ProblemException.notFound("no feedback has been counted in segment '" + segment + "'"));
    }

    /** The segment's themes in {@code order}, the first {@code limit} of them. */
    public ThemeList themes(String segment, ThemeSort order, int limit) {
        SegmentSentiment totals = requireSegment(segment);
        List<ThemeView> rows = queries.themes(segment).entrySet().stream()
                .map(theme -> ThemeView.of(theme.getKey(), themes.labelOf(theme.getKey()), theme.getValue(), totals))
                .sorted(order.order())
                .limit(limit)
                .toList();
        return new ThemeList(segment, totals.count(), totals.meanScore(), order.key(), rows);
    }

    /** What a dashboard shows of a segment at a glance: its totals and every theme, the drivers first. */
    public SegmentSummary summary(String segment) {
        return new SegmentSummary(SegmentView.of(segment, requireSegment(segment)),
                themes(segment, ThemeSort.IMPACT, ThemeController.MAX_LIMIT));
    }
}
