package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.SentimentLabel;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import io.github.vocstream.sentiment.training.ClassScores;
import io.github.vocstream.sentiment.training.Corpora;
import io.github.vocstream.sentiment.training.HeldBackSplit;
import io.github.vocstream.sentiment.training.LabelledText;
import io.github.vocstream.taxonomy.TaxonomyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs three sentiment pipelines on the same labelled texts, in one JVM, and prints for each data set and pipeline
 * its accuracy, macro-F1, macro-recall, confusion matrix and documents per second, then the ratios:
 * <ul>
 *   <li><b>stock</b>: CoreNLP as documented (PCFG parser, sentiment tree);</li>
 *   <li><b>corenlp</b>: the service with {@code voc.sentiment.model: corenlp}, the verdicts before the trained model;</li>
 *   <li><b>linear</b>: the service as shipped, with the trained three-class model.</li>
 * </ul>
 * All three run on as many threads as the service's workers ({@code voc.sentiment.threads}), so that a speed ratio
 * compares pipelines, not parallelism; each runs {@code --runs} times (default 3) and the speed is given as the
 * minimum and the median of its runs, the ratios on the medians. Data sets: the 2,000 reviews of {@code data/reviews}
 * (binary; the linear model was trained on four fifths of them, so their held-back fifth is shown apart), the
 * held-back fifth of TweetEval and of the Sanders brand tweets (three classes; from {@code --data}), and the behaviour
 * sets the tests use. Usage: {@code bench/run.sh sentiment [--data DIR] [--sets a,b] [--limit N] [--runs N]}.
 */
public final class SentimentBenchmark {

    private static final int WARM_UP_TEXTS = 100;
    private static final List<String> PIPELINES = List.of("stock", "corenlp", "linear");

    private SentimentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(Options.option(args, "--data", "../shared/data"));
        List<String> wanted = List.of(Options.option(args, "--sets", "reviews,reviews-held-back,tweeteval,sanders,behaviour").split(","));
        int limit = Integer.parseInt(Options.option(args, "--limit", "100000"));
        int runs = Integer.parseInt(Options.option(args, "--runs", "3"));
        Map<String, List<LabelledText>> sets = new LinkedHashMap<>();
        for (String set : wanted) {
            List<LabelledText> texts = dataSet(set, data);
            sets.put(set, texts.subList(0, Math.min(limit, texts.size())));
        }
        System.out.printf(Locale.ROOT, "%d cores, Java %s; data sets: %s%n%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), sets.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());

        SentimentConfiguration linear = SentimentConfiguration.defaults();
        SentimentPipeline linearPipeline = new SentimentPipeline(linear, TaxonomyLoader.defaultTaxonomy());
        SentimentPipeline corenlpPipeline = new SentimentPipeline(linear.withModel(SentimentConfiguration.CORENLP_MODEL),
                TaxonomyLoader.defaultTaxonomy());
        StockPipeline stock = new StockPipeline();
        Map<String, Function<String, SentimentLabel>> labellers = Map.of(
                "stock", stock::label,
                "corenlp", text -> corenlpPipeline.analyze(text).document().label(),
                "linear", text -> linearPipeline.analyze(text).document().label());
        // CoreNLP's annotate is thread-safe: the stock pipeline gets the same workers as ours.
        int threads = linear.threads();
        List<String> warmUp = sets.values().iterator().next().stream().limit(WARM_UP_TEXTS).map(LabelledText::text).toList();
        labellers.values().forEach(labeller -> warmUp.forEach(labeller::apply));

        for (Map.Entry<String, List<LabelledText>> set : sets.entrySet()) {
            System.out.printf(Locale.ROOT, "#### %s (%d texts)%n%n", set.getKey(), set.getValue().size());
            Map<String, Result> results = new LinkedHashMap<>();
            Map<String, Speed> speeds = new LinkedHashMap<>();
            for (String pipeline : PIPELINES) {
                List<Result> repeated = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    repeated.add(run(set.getValue(), threads, labellers.get(pipeline)));
                }
                Result result = repeated.get(0);
                Speed speed = Speed.of(repeated);
                results.put(pipeline, result);
                speeds.put(pipeline, speed);
                System.out.printf(Locale.ROOT, "== %s (%d threads)%n%s   documents/s: min %.1f, median %.1f of %d runs%n%s%n",
                        pipeline, threads, result.scores().summary(), speed.min(), speed.median(), runs,
                        result.scores().confusionTable());
            }
            Result stockResult = results.get("stock");
            Result corenlpResult = results.get("corenlp");
            Result linearResult = results.get("linear");
            System.out.printf(Locale.ROOT, "speed (medians) linear/stock %.2fx, linear/corenlp %.2f; accuracy linear - corenlp %+.4f,"
                            + " linear - stock %+.4f; macro-F1 linear - corenlp %+.4f, linear - stock %+.4f%n%n",
                    speeds.get("linear").median() / speeds.get("stock").median(),
                    speeds.get("linear").median() / speeds.get("corenlp").median(),
                    linearResult.scores().accuracy() - corenlpResult.scores().accuracy(),
                    linearResult.scores().accuracy() - stockResult.scores().accuracy(),
                    linearResult.scores().macroF1() - corenlpResult.scores().macroF1(),
                    linearResult.scores().macroF1() - stockResult.scores().macroF1());
        }
    }

    private static List<LabelledText> dataSet(String name, Path data) {
        return switch (name) {
            case "reviews" -> Corpora.reviews(Path.of("data/reviews"));
            case "reviews-held-back" -> heldBack(Corpora.reviews(Path.of("data/reviews")));
            case "tweeteval" -> heldBack(Corpora.tweetEval(data.resolve("tweets/tweeteval")));
            case "sanders" -> heldBack(Corpora.sanders(data.resolve("tweets/sanders/full-corpus.csv")));
            case "behaviour" -> Corpora.behaviour(Path.of("sentiment-training/src/test/resources/behaviour"));
            default -> throw new IllegalArgumentException("unknown data set '" + name
                    + "': reviews, reviews-held-back, tweeteval, sanders or behaviour");
        };
    }

    private static List<LabelledText> heldBack(List<LabelledText> texts) {
        return texts.stream().filter(text -> HeldBackSplit.isHeldBack(text.text())).toList();
    }

    private static Result run(List<LabelledText> texts, int threads, Function<String, SentimentLabel> labeller)
            throws InterruptedException, ExecutionException {
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<SentimentLabel>> labels = new ArrayList<>(texts.size());
            for (LabelledText text : texts) {
                labels.add(workers.submit(() -> labeller.apply(text.text())));
            }
            ClassScores scores = new ClassScores();
            for (int i = 0; i < texts.size(); i++) {
                scores.add(texts.get(i).label(), labels.get(i).get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(scores, texts.size() / seconds, seconds);
        } finally {
            workers.shutdownNow();
        }
    }

    private record Result(ClassScores scores, double documentsPerSecond, double seconds) {
    }

    /** The spread of one pipeline's speed over repeated runs of the same texts. */
    private record Speed(double min, double median) {

        static Speed of(List<Result> runs) {
            double[] speeds = runs.stream().mapToDouble(Result::documentsPerSecond).sorted().toArray();
            int middle = speeds.length / 2;
            double median = speeds.length % 2 == 1 ? speeds[middle] : (speeds[middle - 1] + speeds[middle]) / 2;
            return new Speed(speeds[0], median);
        }
    }
}
