package io.github.vocstream.aggregator.topology;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** A store builder that builds what {@code builder} builds with one more layer on top, made by {@code wrap}. */
final class WrappingStoreBuilder<T extends StateStore> implements StoreBuilder<T> {

    private final StoreBuilder<T> builder;
    private final UnaryOperator<T> wrap;

    WrappingStoreBuilder(StoreBuilder<T> builder, UnaryOperator<T> wrap) {
        this.builder = builder;
        this.wrap = wrap;
    }

    @Override
    public StoreBuilder<T> withCachingEnabled() {
        builder.withCachingEnabled();
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        builder.withCachingDisabled();
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
        builder.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        builder.withLoggingDisabled();
        return this;
    }

    @Override
    public T build() {
        return wrap.apply(builder.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return builder.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return builder.loggingEnabled();
    }

    @Override
    public String name() {
        return builder.name();
    }
}
