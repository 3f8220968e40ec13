package io.github.vocstream.aggregator.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * One subject's mentions by scored items, in the order they came, as the alerts' detectors replay them: each one its
 * event time in epoch milliseconds and whether it was negative, packed into one number ({@code 2·time + negative}),
 * so that a run of hundreds is one array of numbers in the record rather than as many objects.
 */
public final class Mentions {

    private long[] packed;
    private int size;

    Mentions() {
        this.packed = new long[16];
    }

    @JsonCreator
    Mentions(long[] packed) {
        this.packed = packed;
        this.size = packed.length;
    }

    void add(long at, boolean negative) {
        if (size == packed.length) {
            packed = Arrays.copyOf(packed, size * 2);
        }
        packed[size++] = 2 * at + (negative ? 1 : 0);
    }

    public int size() {
        return size;
    }

    /** The event time of the {@code i}th mention, in epoch milliseconds. */
    public long at(int i) {
        return Math.floorDiv(packed[i], 2);
    }

    public boolean negative(int i) {
        return Math.floorMod(packed[i], 2) == 1;
    }

    @JsonValue
    long[] packed() {
        return Arrays.copyOf(packed, size);
    }
}
