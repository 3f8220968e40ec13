package io.github.vocstream.aggregator.query;

import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What a question about stores found: the answer; nothing, and why; the instance that holds the stores; or that no
 * instance can answer yet (a start or a rebalance). The query side says which; the API says it in HTTP.
 */
public sealed interface Lookup<T> {

    record Found<T>(T value) implements Lookup<T> {
    }

    record Missing<T>(String reason) implements Lookup<T> {
    }

    record Elsewhere<T>(HostInfo host) implements Lookup<T> {
    }

    record NotYetAvailable<T>(String reason) implements Lookup<T> {
    }

    static <T> Lookup<T> found(T value) {
        return new Found<>(value);
    }

    static <T> Lookup<T> missing(String reason) {
        return new Missing<>(reason);
    }

    /** The answer turned into another; any other outcome as it is. */
    default <R> Lookup<R> map(Function<? super T, ? extends R> mapper) {
        return then(value -> found(mapper.apply(value)));
    }

    /** The next question, asked of this answer; any other outcome as it is. */
    @SuppressWarnings("unchecked")
    default <R> Lookup<R> then(Function<? super T, Lookup<R>> next) {
        if (this instanceof Found<T> found) {
            return next.apply(found.value());
        }
        // Missing, Elsewhere and NotYetAvailable carry no value: the same outcome serves any type.
        return (Lookup<R>) this;
    }
}
