package io.github.vocstream.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used so far by a process: what a service costs per unit of work, apart from the broker and the load
 * program that share its cores here, and so how many cores a given load needs elsewhere. The JIT compiler's threads
 * are left out: they compile the hot code once, for tens of seconds after a start, and made runs of the same code
 * differ by a quarter.
 */
final class CpuTime {

    /** Linux's clock ticks per second for the times in {@code /proc} (USER_HZ, 100 on every common kernel). */
    private static final int TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** All threads of process {@code pid} but the JIT compiler's (from {@code /proc}); zero where there is none. */
    static Duration ofProcess(long pid) {
        Path threads = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(threads)) {
            return Duration.ZERO;
        }
        try (Stream<Path> each = Files.list(threads)) {
            long ticks = each.mapToLong(CpuTime::ticksUnlessCompiler).sum();
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | UncheckedIOException e) {
            return Duration.ZERO;
        }
    }

    /** This JVM, all its threads: in the benchmarks, the embedded broker and the load program. */
    static Duration ofThisProcess() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
    }

    private static long ticksUnlessCompiler(Path thread) {
        try {
            if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            // After "pid (name) ": state is field 3, utime 14 and stime 15; the name may hold spaces, so count from ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
