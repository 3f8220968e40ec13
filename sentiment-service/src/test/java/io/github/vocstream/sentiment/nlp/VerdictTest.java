package io.github.vocstream.sentiment.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vocstream.common.event.SentimentLabel;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aNegativeToneMakesAMentionAComplaintAndDropsTheModelsProbability() {
        Verdict model = new Verdict(SentimentLabel.POSITIVE, 0.2, 0.6);

        assertThat(model.withTone(SentimentLabel.NEGATIVE)).isEqualTo(new Verdict(SentimentLabel.NEGATIVE, -0.5, null));
    }

    @Test
    void aToneKeepsAVerdictThatIsAlreadyThatStrong() {
        Verdict model = new Verdict(SentimentLabel.NEGATIVE, -0.8, 0.85);

        assertThat(model.withTone(SentimentLabel.NEGATIVE)).isSameAs(model);
    }

    @Test
    void aToneStrengthensAWeakVerdictOfItsOwnSideAndKeepsItsProbability() {
        Verdict model = new Verdict(SentimentLabel.NEGATIVE, -0.3, 0.5);

        assertThat(model.withTone(SentimentLabel.NEGATIVE)).isEqualTo(new Verdict(SentimentLabel.NEGATIVE, -0.5, 0.5));
    }

    @Test
    void aPositiveToneAndNoToneWorkTheSameWay() {
        Verdict model = new Verdict(SentimentLabel.NEUTRAL, 0.1, 0.5);

        assertThat(model.withTone(SentimentLabel.POSITIVE)).isEqualTo(new Verdict(SentimentLabel.POSITIVE, 0.5, null));
        assertThat(model.withTone(null)).isSameAs(model);
    }
}
