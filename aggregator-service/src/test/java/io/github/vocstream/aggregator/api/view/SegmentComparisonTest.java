package io.github.vocstream.aggregator.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vocstream.aggregator.rating.Ratings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentComparisonTest {

    @Test
    void theThemesThatDifferMostComeFirstAndChanceDifferencesAreNotSignificant() {
        ThemeList pro = new ThemeList("plan:pro", 400, -0.2, "mentions", List.of(
                theme("delivery/late", 120, 90), theme("staff", 40, 10), theme("app", 3, 3)));
        ThemeList free = new ThemeList("plan:free", 400, 0.1, "mentions", List.of(
                theme("delivery/late", 40, 10), theme("staff", 42, 11)));

        SegmentComparison comparison = SegmentComparison.of(pro, free);

        assertThat(comparison.a().segment()).isEqualTo("plan:pro");
        assertThat(comparison.themes()).extracting(SegmentComparison.ThemeDifference::theme)
                .containsExactly("delivery/late", "app", "staff");
        SegmentComparison.ThemeDifference late = comparison.themes().get(0);
        assertThat(late.significant()).isTrue();
        assertThat(late.shareA()).isCloseTo(0.30, within(1e-12));
        assertThat(late.shareB()).isCloseTo(0.10, within(1e-12));
        assertThat(late.negativeShareA()).isCloseTo(0.75, within(1e-12));
        assertThat(late.shareQ()).isLessThan(1e-6);
        assertThat(comparison.themes().get(2).significant()).as("40 against 42 of 400 is chance").isFalse();
        assertThat(comparison.themes().get(2).shareQ()).isGreaterThan(0.5);
        SegmentComparison.ThemeDifference app = comparison.themes().get(1);
        assertThat(app.mentionsB()).isZero();
        assertThat(app.significant()).as("3 mentions are too few for the test").isFalse();
        assertThat(comparison.method()).contains("Benjamini-Hochberg");
    }

    private static ThemeView theme(String key, long mentions, long negative) {
        return new ThemeView(key, key, null, mentions, negative, 0, mentions - negative, 0, 0, 0, null,
                ScoresView.of(Ratings.NONE), mentions, UnscoredView.of(Map.of()));
    }
}
