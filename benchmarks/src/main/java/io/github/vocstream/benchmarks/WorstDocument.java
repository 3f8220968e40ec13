package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.FeedbackRules;
import io.github.vocstream.sentiment.nlp.SentimentConfiguration;
import io.github.vocstream.sentiment.nlp.SentimentPipeline;
import io.github.vocstream.taxonomy.TaxonomyLoader;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time of the costliest documents the ingest API accepts (up to its 20,000-character limit), one at a time,
 * for the service's pipeline with each sentiment model, as the whole process's CPU time (CoreNLP parses on a thread of
 * its own, and garbage collection counts too): (a) words without any punctuation, (b) one
 * sentence of comma-spliced clauses, (c) 500 short sentences. The design's target is 2 s of CPU for any single
 * document. Usage: {@code bench/run.sh worst-document [--runs N]}.
 */
public final class WorstDocument {

    private WorstDocument() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(Options.option(args, "--runs", "3"));
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("(a) no punctuation", fill("the parcel never came and nobody at the depot could tell me where it went "));
        documents.put("(b) one comma-spliced sentence", fill("the parcel never came, nobody answered, the refund is late, "));
        documents.put("(c) 500 short sentences", "The parcel never came. ".repeat(500).substring(0, 500 * 23 - 1));
        OperatingSystemMXBean system = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        System.out.printf(Locale.ROOT, "CPU seconds of one document (the process's), best and worst of %d runs, after one warm-up%n%n", runs);
        for (String model : List.of(SentimentConfiguration.LINEAR_MODEL, SentimentConfiguration.CORENLP_MODEL)) {
            SentimentPipeline pipeline = new SentimentPipeline(SentimentConfiguration.defaults().withModel(model),
                    TaxonomyLoader.defaultTaxonomy());
            System.out.println("== " + model);
            for (Map.Entry<String, String> document : documents.entrySet()) {
                pipeline.analyze(document.getValue());
                double best = Double.MAX_VALUE;
                double worst = 0;
                int sentences = 0;
                for (int i = 0; i < runs; i++) {
                    long start = system.getProcessCpuTime();
                    sentences = pipeline.analyze(document.getValue()).sentences().size();
                    double seconds = (system.getProcessCpuTime() - start) / 1e9;
                    best = Math.min(best, seconds);
                    worst = Math.max(worst, seconds);
                }
                System.out.printf(Locale.ROOT, "%-32s %6d chars %4d sentences   %.2f s best   %.2f s worst%n", document.getKey(),
                        document.getValue().length(), sentences, best, worst);
            }
            System.out.println();
        }
    }

    /** {@code phrase} repeated up to the ingest API's text limit. */
    private static String fill(String phrase) {
        return phrase.repeat(FeedbackRules.MAX_TEXT_LENGTH / phrase.length() + 1).substring(0, FeedbackRules.MAX_TEXT_LENGTH).strip();
    }
}
