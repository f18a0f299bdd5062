package nl.lekwacht.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A size-limited tmpfs mounted for one test, so a file system can be filled without touching the
 * machine's disk. Root ignores file permissions, so only a full file system proves what a full disk does.
 * Needs root and the right to mount (skipped, or failed under CI, without them).
 */
public final class SizedTmpfs implements AutoCloseable {

    private static final String FILLER = ".filler";

    private final Path mountPoint;

    private SizedTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} on a new directory under /tmp. */
    public static SizedTmpfs mount(int megabytes) throws IOException, InterruptedException {
        Requirement.require("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path point = Files.createTempDirectory(Path.of("/tmp"), "lekwacht-tmpfs-");
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs", point.toString());
        if (exit != 0) {
            Files.delete(point);
        }
        Requirement.require(exit == 0, "mount -t tmpfs failed (exit " + exit + ")");
        return new SizedTmpfs(point);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a filler file until the file system says it is full. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // ENOSPC: the file system is full, which is the point
        }
        // the last partial block may have left a few bytes: take them too
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve(FILLER + "2"))) {
            while (true) {
                out.write(0);
            }
        } catch (IOException full) {
            // full to the byte
        }
    }

    /** Removes the filler: the file system has room again. */
    public void free() throws IOException {
        Files.deleteIfExists(mountPoint.resolve(FILLER));
        Files.deleteIfExists(mountPoint.resolve(FILLER + "2"));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
        try (Stream<Path> files = Files.walk(mountPoint)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
