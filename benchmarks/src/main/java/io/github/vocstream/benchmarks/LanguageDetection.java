package io.github.vocstream.benchmarks;

import io.github.vocstream.common.event.TextLanguage;
import io.github.vocstream.sentiment.language.LanguageConfiguration;
import io.github.vocstream.sentiment.language.LanguageIdentifier;
import io.github.vocstream.sentiment.training.Corpora;
import io.github.vocstream.sentiment.training.LabelledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The language identifier as the sentiment service runs it (shipped candidates): how much memory its models take,
 * what it costs per document, how often English customer text is read as English (else it would go unscored: the
 * reviews of {@code data/reviews} and all TweetEval and Sanders tweets, without a declared language and with
 * {@code en} declared), and how often the short texts of seven languages the tests use are read in their language.
 * Usage: {@code bench/run.sh language [--data DIR] [--examples N]} (N texts read as another language are shown per set).
 */
public final class LanguageDetection {

    private static final Path SHORT_TEXTS = Path.of("sentiment-service/src/test/resources/language/short-texts.tsv");

    private LanguageDetection() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(Options.option(args, "--data", "../shared/data"));
        int examples = Integer.parseInt(Options.option(args, "--examples", "5"));
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        LanguageIdentifier identifier = new LanguageIdentifier(LanguageConfiguration.defaults());
        System.out.printf(Locale.ROOT, "candidates %s%nmodels loaded in %.1f s, heap +%d MB%n%n", LanguageConfiguration.DEFAULT_CANDIDATES,
                (System.nanoTime() - start) / 1e9, (usedHeap() - heapBefore) >> 20);

        Map<String, List<String>> english = new TreeMap<>();
        english.put("reviews", texts(Corpora.reviews(Path.of("data/reviews"))));
        english.put("tweeteval", texts(Corpora.tweetEval(data.resolve("tweets/tweeteval"))));
        english.put("sanders", texts(Corpora.sanders(data.resolve("tweets/sanders/full-corpus.csv"))));
        List<String[]> samples = Files.readAllLines(SHORT_TEXTS).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .toList();

        List<String> all = new ArrayList<>();
        english.values().forEach(all::addAll);
        samples.forEach(sample -> all.add(sample[2]));
        for (String text : all) {
            identifier.languageOf(text, null);
        }
        long timed = System.nanoTime();
        for (String text : all) {
            identifier.languageOf(text, null);
        }
        double micros = (System.nanoTime() - timed) / 1e3 / all.size();
        double meanLength = all.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(Locale.ROOT, "cost: %.0f µs per document on one thread (%d documents, mean %.0f characters)%n%n",
                micros, all.size(), meanLength);

        System.out.println("English text read as English (the rest would not be scored):");
        for (Map.Entry<String, List<String>> set : english.entrySet()) {
            Map<String, Integer> undeclared = new TreeMap<>();
            Map<String, Integer> declared = new TreeMap<>();
            List<String> misread = new ArrayList<>();
            for (String text : set.getValue()) {
                String tag = identifier.languageOf(text, null).tag();
                undeclared.merge(tag, 1, Integer::sum);
                declared.merge(identifier.languageOf(text, "en").tag(), 1, Integer::sum);
                if (!tag.equals("en") && !tag.equals(TextLanguage.UNDETERMINED) && misread.size() < examples) {
                    misread.add(tag + ": " + text);
                }
            }
            int size = set.getValue().size();
            System.out.printf(Locale.ROOT, "%-10s %5d texts  undeclared %.2f %%  declared en %.2f %%  (undeclared by language %s)%n",
                    set.getKey(), size, share(undeclared, size), share(declared, size), undeclared);
            misread.forEach(text -> System.out.println("    e.g. " + text));
        }

        System.out.println();
        System.out.println("Short texts of seven languages (" + SHORT_TEXTS + "), undeclared:");
        for (String kind : List.of("sentence", "short")) {
            Map<String, int[]> byLanguage = new TreeMap<>();
            for (String[] sample : samples) {
                if (sample[1].equals(kind)) {
                    int[] counts = byLanguage.computeIfAbsent(sample[0], key -> new int[2]);
                    counts[0] += identifier.languageOf(sample[2], null).tag().equals(sample[0]) ? 1 : 0;
                    counts[1]++;
                }
            }
            int right = byLanguage.values().stream().mapToInt(counts -> counts[0]).sum();
            int total = byLanguage.values().stream().mapToInt(counts -> counts[1]).sum();
            StringBuilder line = new StringBuilder();
            byLanguage.forEach((language, counts) -> line.append(' ').append(language).append(' ').append(counts[0]).append('/').append(counts[1]));
            System.out.printf(Locale.ROOT, "%-8s %3d/%3d = %.1f %%   %s%n", kind, right, total, 100.0 * right / total, line.toString().strip());
        }
    }

    private static List<String> texts(List<LabelledText> texts) {
        return texts.stream().map(LabelledText::text).toList();
    }

    private static double share(Map<String, Integer> byLanguage, int size) {
        return 100.0 * byLanguage.getOrDefault("en", 0) / size;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
