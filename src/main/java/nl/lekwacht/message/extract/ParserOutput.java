package nl.lekwacht.message.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what a parser process prints on stderr (its own log lines, stack traces of the JVM, whatever
 * a parser library prints) into the gateway's log, one line per line, so it is masked and kept like
 * every other log line instead of passing around the logging configuration.
 */
final class ParserOutput {

    private static final Logger log = LoggerFactory.getLogger(ParserOutput.class);
    /** A parser that prints a whole document on one line does not fill the log with it. */
    private static final int MAX_LINE = 2000;

    private ParserOutput() {
    }

    /** Starts a daemon thread that reads the process's stderr until it closes. */
    static void follow(Process process) {
        long pid = process.pid();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        log.warn("parser process {}: {}", pid,
                                line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
                    }
                }
            } catch (IOException e) {
                // the process is gone; nothing more to copy
            }
        }, "parser-output-" + pid);
        reader.setDaemon(true);
        reader.start();
    }
}
