package io.github.vocstream.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used so far by a process: what a service costs per unit of work, apart from the broker and the load
 * program that share its cores here, and so how many cores a given load needs elsewhere.
 */
final class CpuTime {

    private CpuTime() {
    }

    /** All threads of process {@code pid}, JIT and GC included; zero when the system does not say. */
    static Duration ofProcess(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** This JVM: in the benchmarks, the embedded broker and the load program. */
    static Duration ofThisProcess() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
    }
}
