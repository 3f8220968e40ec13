package io.github.vocstream.aggregator.topology;

/**
 * Keys of the per-segment stores: the segment, or the segment and a theme or term. Every key of a segment starts
 * with the segment, lives in the segment's partition, and a prefix scan finds them all. The separator is a
 * control character, which segment keys may not contain.
 */
public final class StoreKeys {

    static final char SEPARATOR = '\u001f';

    private StoreKeys() {
    }

    public static String of(String segment, String part) {
        return segment + SEPARATOR + part;
    }

    public static String prefixOf(String segment) {
        return segment + SEPARATOR;
    }

    /** The theme or term of a key made by {@link #of}. */
    public static String partOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
