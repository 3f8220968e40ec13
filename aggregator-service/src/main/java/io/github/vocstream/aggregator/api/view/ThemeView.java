package io.github.vocstream.aggregator.api.view;

import io.github.vocstream.aggregator.topology.SegmentSentiment;
import io.github.vocstream.aggregator.topology.ThemeStats;
import io.github.vocstream.common.event.ThemePath;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One theme in one segment as the API shows it.
 *
 * @param share  the fraction of the segment's feedback that mentions the theme
 * @param impact how far the theme moves the segment's mean score: its scored mentions times the distance of its mean
 *               from the segment's mean, over the segment's scored items. It is what the segment mean would gain if
 *               the theme's mentions sat at the segment mean, so the most negative impact is the theme that drags the
 *               segment down most; it weighs how bad a theme is by how often it comes up.
 * @param scored its mentions with a verdict, which the counts by label and the mean are of
 * @param scores the NPS, CSAT and stars of the items that mention the theme, each with the theme's impact on the
 *               segment's score
 */
@Serdeable
public record ThemeView(String theme, String label, String parent, long mentions, long negative, long neutral,
                        long positive, double meanScore, double share, double impact, Instant lastMentionAt,
                        ScoresView scores, long scored, UnscoredView unscored) {

    public static ThemeView of(String theme, String label, ThemeStats stats, SegmentSentiment segment) {
        var tally = stats.tally();
        double share = segment.count() == 0 ? 0 : (double) tally.count() / segment.count();
        double impact = segment.scored() == 0 ? 0
                : tally.scored() * (tally.meanScore() - segment.meanScore()) / segment.scored();
        return new ThemeView(theme, label, ThemePath.parentOf(theme), tally.count(), tally.negative(), tally.neutral(),
                tally.positive(), tally.meanScore(), share, impact, stats.lastMentionAt(),
                ScoresView.ofTheme(tally.ratings(), segment.ratings()), tally.scored(), UnscoredView.of(tally.unscored()));
    }
}
