package nl.lekwacht.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own: Debian's {@code initdb} and {@code pg_ctl} in a temporary
 * directory, on its own port, so a test may stop and start it without touching any shared server.
 * PostgreSQL refuses to run as root, so as root the cluster runs as the {@code postgres} user.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path directory;
    private final int port;

    private OwnPostgres(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} with initdb and pg_ctl, if installed. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(v -> v.matches("\\d+") ? Integer.parseInt(v) : 0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Makes and starts a new cluster; skipped or failed (under CI) when PostgreSQL is not installed. */
    public static OwnPostgres start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        Requirement.require(bin.isPresent(), "PostgreSQL's initdb and pg_ctl not found under /usr/lib/postgresql");
        // not under a JUnit temp dir: those are private to root, and the postgres user must reach it
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "lekwacht-pg-");
        directory.toFile().setExecutable(true, false);
        directory.toFile().setReadable(true, false);
        OwnPostgres cluster = new OwnPostgres(bin.get(), directory, freePort());
        cluster.run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
        cluster.run(List.of(bin.get().resolve("initdb").toString(), "-D", cluster.data().toString(), "-U", "postgres",
                "-A", "trust", "--no-sync", "-E", "UTF8"), true);
        cluster.startServer();
        return cluster;
    }

    private Path data() {
        return directory.resolve("data");
    }

    public int port() {
        return port;
    }

    /** JDBC URL of the cluster's {@code postgres} database, with short timeouts so an outage answers soon. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2&socketTimeout=30";
    }

    public void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "60",
                "-l", directory.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c max_connections=50", "start"),
                true);
    }

    /** Stops the server as a crash would: {@code -m immediate}, no checkpoint, every connection cut. */
    public void crash() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-m", "immediate", "stop"), true);
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("lekwacht-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed (" + p.exitValue() + "):\n"
                        + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-m", "immediate", "stop"),
                    true);
        } catch (IOException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
