package io.github.vocstream.ingest.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time spent by the threads that handle requests: Netty's event loops, the blocking executor the controllers and
 * the stream run on, and the committers. The broker shares the test's JVM, so the process's CPU time would count its
 * work, and the JIT's, too.
 */
final class RequestThreadsCpu {

    private static final List<String> HANDLERS = List.of("default-eventLoopGroup-", "io-executor-thread-", "feedback-committer-");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RequestThreadsCpu() {
    }

    /** The CPU nanoseconds these threads have used so far. */
    static long nanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && HANDLERS.stream().anyMatch(info.getThreadName()::startsWith)) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
