package io.github.vocstream.ingest.feedback;

import io.github.vocstream.http.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits how many items each source may publish: a token bucket per source, refilled at
 * {@code voc.ingest.rate-limit.items-per-second} up to {@code voc.ingest.rate-limit.burst}. A request that would
 * overdraw any of its sources takes nothing from any and gets 429 with the seconds after which it would pass, so
 * one noisy connector cannot crowd out the others. A rate of 0 switches the limit off.
 */
@Singleton
public class SourceRateLimiter {

    // Buckets of sources not heard from in a while are full again and carry no state worth keeping.
    static final int MAX_TRACKED_SOURCES = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    @Inject
    public SourceRateLimiter(IngestConfiguration configuration) {
        this(configuration.rateLimit().itemsPerSecond(), configuration.rateLimit().burst(), System::nanoTime);
    }

    SourceRateLimiter(double perSecond, double burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, 1);
        this.nanoClock = nanoClock;
    }

    /** Takes {@code items} from each source's bucket, or nothing from any and throws a 429. */
    public synchronized void acquire(Map<String, Integer> itemsBySource) {
        if (perSecond <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_TRACKED_SOURCES) {
            buckets.values().removeIf(bucket -> refill(bucket, now) >= burst);
        }
        double waitSeconds = 0;
        List<String> over = new ArrayList<>();
        for (Map.Entry<String, Integer> source : itemsBySource.entrySet()) {
            Bucket bucket = buckets.computeIfAbsent(source.getKey(), key -> new Bucket(burst, now));
            double missing = Math.min(source.getValue(), burst) - refill(bucket, now);
            if (missing > 0) {
                over.add(source.getKey());
                waitSeconds = Math.max(waitSeconds, missing / perSecond);
            }
        }
        if (!over.isEmpty()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too many items from " + String.join(", ", over)
                    + " (at most " + perSecond + " per second per source and per client); nothing was accepted, retry later",
                    List.of(), Duration.ofSeconds((long) Math.ceil(waitSeconds)));
        }
        itemsBySource.forEach((source, items) -> buckets.get(source).tokens -= Math.min(items, burst));
    }

    private double refill(Bucket bucket, long now) {
        double elapsed = (now - bucket.refilledAt) / 1e9;
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
        bucket.refilledAt = now;
        return bucket.tokens;
    }
}
