package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.localstack.SampleReviews;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import io.github.vocstream.support.theme.TaxonomyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the stock CoreNLP sentiment pipeline and ours on the same labelled texts, in one JVM, and prints for each
 * its accuracy, macro-F1, confusion matrix and documents per second, then the speed ratio.
 *
 * <p>Ours is what the sentiment service runs: {@link SentimentPipeline} with the service's defaults, on as many
 * worker threads as the service uses. Stock runs on one thread, as CoreNLP's examples do. Usage:
 * {@code bench/run.sh sentiment [--limit N] [--data DIR]}.
 */
public final class SentimentBenchmark {

    private static final int WARM_UP_TEXTS = 100;

    private SentimentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(Options.option(args, "--data", "data/reviews"));
        List<SampleReviews.Review> reviews = SampleReviews.read(data);
        int limit = Integer.parseInt(Options.option(args, "--limit", Integer.toString(reviews.size())));
        reviews = reviews.subList(0, Math.min(limit, reviews.size()));
        System.out.printf(Locale.ROOT, "%d labelled texts from %s, %d cores, Java %s%n%n", reviews.size(), data,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        SentimentConfiguration configuration = SentimentConfiguration.defaults();
        SentimentPipeline ours = new SentimentPipeline(configuration, TaxonomyLoader.defaultTaxonomy());
        StockPipeline stock = new StockPipeline();
        List<String> warmUp = reviews.stream().limit(WARM_UP_TEXTS).map(SampleReviews.Review::text).toList();
        warmUp.forEach(ours::analyze);
        warmUp.forEach(stock::label);

        Result stockResult = run("stock (PCFG, 1 thread)", reviews, 1, stock::label);
        Result ourResult = run("ours (" + configuration.parserModel().replaceAll(".*/", "") + ", "
                + configuration.threads() + " threads)", reviews, configuration.threads(),
                text -> ours.analyze(text).document().label());

        System.out.println(stockResult.report());
        System.out.println(ourResult.report());
        System.out.printf(Locale.ROOT, "speed ratio ours/stock: %.2fx%n", ourResult.documentsPerSecond() / stockResult.documentsPerSecond());
        System.out.printf(Locale.ROOT, "accuracy ours - stock: %+.4f, macro-F1 ours - stock: %+.4f%n",
                ourResult.scores().accuracy() - stockResult.scores().accuracy(),
                ourResult.scores().macroF1() - stockResult.scores().macroF1());
    }

    private static Result run(String name, List<SampleReviews.Review> reviews, int threads,
                              Function<String, SentimentLabel> labeller) throws InterruptedException, ExecutionException {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<SentimentLabel>> labels = new ArrayList<>(reviews.size());
            for (SampleReviews.Review review : reviews) {
                labels.add(workers.submit(() -> labeller.apply(review.text())));
            }
            LabelScores scores = new LabelScores();
            for (int i = 0; i < reviews.size(); i++) {
                scores.add(reviews.get(i).positive(), labels.get(i).get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(name, scores, reviews.size() / seconds, seconds);
        } finally {
            workers.shutdownNow();
        }
    }

    private record Result(String name, LabelScores scores, double documentsPerSecond, double seconds) {

        String report() {
            return String.format(Locale.ROOT, "== %s%naccuracy %.4f   macro-F1 %.4f   %.1f documents/s (%.1f s)%n%s",
                    name, scores.accuracy(), scores.macroF1(), documentsPerSecond, seconds, scores.confusionTable());
        }
    }
}
