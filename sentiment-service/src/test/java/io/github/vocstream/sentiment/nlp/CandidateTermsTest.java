package io.github.vocstream.sentiment.nlp;

import static io.github.vocstream.sentiment.nlp.ThemeMatcherTest.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTermsTest {

    @Test
    void nounPhrasesBecomeTheirLemmatizedNouns() {
        List<Token> tokens = tokens("The/the/DT new/new/JJ loyalty/loyalty/NN programs/program/NNS are/be/VBP great/great/JJ"
                + " ,/,/, but/but/CC battery/battery/NN lives/life/NNS vary/vary/VBP");

        assertThat(CandidateTerms.of(tokens, new boolean[tokens.size()])).containsExactly("loyalty program", "battery life");
    }

    @Test
    void phrasesTouchingAThemeOrMadeOfVagueNounsAreLeftOut() {
        List<Token> tokens = tokens("the/the/DT refund/refund/NN form/form/NN took/take/VBD weeks/week/NNS"
                + " and/and/CC lots/lot/NNS of/of/IN things/thing/NNS");
        boolean[] covered = new boolean[tokens.size()];
        covered[1] = true;

        assertThat(CandidateTerms.of(tokens, covered)).isEmpty();
    }

    @Test
    void longCompoundsKeepTheirHeadAndPlaceholdersAreNoTerms() {
        List<Token> tokens = tokens("samsung/samsung/NNP galaxy/galaxy/NNP phone/phone/NN screen/screen/NN protector/protector/NN"
                + " at/at/IN [email]/[email]/NN");

        assertThat(CandidateTerms.of(tokens, new boolean[tokens.size()])).containsExactly("phone screen protector");
    }
}
