package io.github.vocstream.common.test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /prometheus} page, read as tests need it: the series of a metric, by their labels. */
public final class PrometheusScrape {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Series(String name, Map<String, String> labels, double value) {
    }

    private final List<Series> series = new ArrayList<>();

    private PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            Matcher matcher = SERIES.matcher(line);
            if (line.startsWith("#") || !matcher.find()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
        }
    }

    /** Scrapes {@code /prometheus} of the server at {@code base}, failing unless it answers 200. */
    public static PrometheusScrape of(URI base) {
        HttpResponse<String> response = HttpCalls.get(base.resolve("/prometheus"));
        if (response.statusCode() != 200) {
            throw new AssertionError("/prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusScrape(response.body());
    }

    /** The sum of {@code metric}'s series whose labels include {@code labels}; 0 when there are none. */
    public double sum(String metric, Map<String, String> labels) {
        return series.stream().filter(s -> s.name().equals(metric) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Series::value).sum();
    }

    /** Whether any series' name starts with {@code prefix}. */
    public boolean hasMetricStartingWith(String prefix) {
        return series.stream().anyMatch(s -> s.name().startsWith(prefix));
    }

    /** The names of every series, for a failure message. */
    public List<String> names() {
        return series.stream().map(Series::name).distinct().sorted().toList();
    }
}
