package io.github.vocstream.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.vocstream.sentiment.classifier.LinearSentimentModel;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model in the service's jar, on the fifth of each corpus it was not trained on ({@link HeldBackSplit}). The
 * reviews are in the repository; the tweets are in {@code ../shared/data} beside it (as on CI), or wherever
 * {@code voc.training.data} points.
 */
class ShippedModelTest {

    private static final Path SHARED = Path.of(System.getProperty("voc.training.data", "../../shared/data"));

    private static LinearSentimentModel model;

    @BeforeAll
    static void loadModel() {
        model = SentimentPipeline.shippedModel();
    }

    @Test
    void readsTheHeldBackReviewsBetterThanCoreNlpsTreeDidOnAllOfThem() {
        ClassScores scores = scoreHeldBack(Corpora.reviews(Path.of("../data/reviews")));

        // The previous pipeline reached 0.766 on all 2,000 reviews, with CoreNLP's sentiment tree.
        assertThat(scores.total()).isBetween(300, 500);
        assertThat(scores.accuracy()).as(scores.summary()).isGreaterThan(0.83);
    }

    @Test
    void readsTheHeldBackTweetEvalTweetsInThreeClasses() {
        assumeTrue(Files.isDirectory(SHARED.resolve("tweets")), "no labelled tweets at " + SHARED.toAbsolutePath());

        ClassScores scores = scoreHeldBack(Corpora.tweetEval(SHARED.resolve("tweets/tweeteval")));

        assertThat(scores.accuracy()).as(scores.summary()).isGreaterThan(0.60);
        assertThat(scores.macroF1()).as(scores.summary()).isGreaterThan(0.60);
    }

    @Test
    void readsTheHeldBackSandersBrandTweetsInThreeClasses() {
        assumeTrue(Files.isDirectory(SHARED.resolve("tweets")), "no labelled tweets at " + SHARED.toAbsolutePath());

        ClassScores scores = scoreHeldBack(Corpora.sanders(SHARED.resolve("tweets/sanders/full-corpus.csv")));

        assertThat(scores.accuracy()).as(scores.summary()).isGreaterThan(0.65);
        assertThat(scores.macroF1()).as(scores.summary()).isGreaterThan(0.58);
    }

    private static ClassScores scoreHeldBack(List<LabelledText> texts) {
        List<LabelledText> heldBack = texts.stream().filter(text -> HeldBackSplit.isHeldBack(text.text())).toList();
        ClassScores scores = new ClassScores();
        for (TokenizedText text : TokenizedText.of(heldBack, 2)) {
            scores.add(text.text().label(), LinearSentimentModel.mostProbable(model.probabilities(text.tokens())));
        }
        return scores;
    }
}
