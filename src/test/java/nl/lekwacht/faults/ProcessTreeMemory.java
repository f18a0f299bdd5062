package nl.lekwacht.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident memory of a process and all its descendants (the gateway and its parser processes),
 * sampled from {@code /proc} every 100 ms: the highest sum seen, and the sum of each live process's
 * own peak ({@code VmHWM}) at the end. Linux only.
 */
final class ProcessTreeMemory implements AutoCloseable {

    private final long root;
    private final AtomicLong peakSumKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    ProcessTreeMemory(long root) {
        this.root = root;
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        long sum = 0;
        for (long pid : tree(root)) {
            sum += statusKb(pid, "VmRSS:");
        }
        peakSumKb.accumulateAndGet(sum, Math::max);
    }

    /** The highest sampled sum of VmRSS over the tree, in MB. */
    long peakSampledMb() {
        return peakSumKb.get() / 1024;
    }

    /** The sum of VmHWM of the processes alive now (replaced parser processes are missing), in MB. */
    long highWaterMb() {
        long sum = 0;
        for (long pid : tree(root)) {
            sum += statusKb(pid, "VmHWM:");
        }
        return sum / 1024;
    }

    /** VmHWM of the root process alone, in MB. */
    long rootHighWaterMb() {
        return statusKb(root, "VmHWM:") / 1024;
    }

    static List<Long> tree(long pid) {
        List<Long> out = new ArrayList<>();
        out.add(pid);
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (var threads = Files.list(tasks)) {
            for (Path task : threads.toList()) {
                Path children = task.resolve("children");
                if (Files.exists(children)) {
                    for (String child : Files.readString(children).trim().split("\\s+")) {
                        if (!child.isEmpty()) {
                            out.addAll(tree(Long.parseLong(child)));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended while we looked
        }
        return out;
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
