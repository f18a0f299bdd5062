package nl.lekwacht.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code lekwacht run} in a JVM of its own, for tests that kill it or limit its heap. Its output goes to
 * a log file; {@link #awaitListening} returns when the relay says it listens, read from that output as
 * it is written (no polling), and fails with the log when the process dies first.
 */
public final class ChildGateway implements AutoCloseable {

    private static final String LISTENING = "SMTP relay listening on";

    private final Process process;
    private final Path log;
    private final CompletableFuture<Void> listening = new CompletableFuture<>();

    private ChildGateway(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::copyOutput, "child-gateway-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code run --config config} with {@code jvmOptions}; its output goes to {@code log}. */
    public static ChildGateway start(Path config, Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "nl.lekwacht.Main", "run", "--config",
                config.toString()));
        return new ChildGateway(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    /** Waits until the relay listens: at most {@code minutes}, a hang detector, not a timing assertion. */
    public void awaitListening(int minutes) throws IOException, InterruptedException {
        try {
            listening.get(minutes, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage() + ":\n" + log());
        } catch (TimeoutException e) {
            throw new AssertionError("gateway did not listen within " + minutes + " minutes:\n" + log());
        }
    }

    public Process process() {
        return process;
    }

    /** What the gateway printed so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (line.contains(LISTENING)) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("gateway exited before listening"));
    }

    /** Kills the process at once, as {@code kill -9} does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
