package io.github.vocstream.aggregator.topology;

/** Where a theme's words are in an evidence sentence: characters {@code [begin, end)} of the sentence as shown. */
public record Highlight(int begin, int end) {
}
