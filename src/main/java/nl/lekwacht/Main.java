package nl.lekwacht;

import nl.lekwacht.cli.Commands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's entry: {@code run}, {@code demo}, {@code scan}, {@code check-config} and
 * {@code history import}, from {@link Commands}. Exit codes are part of the contract (design.md §4).
 */
@Command(name = "lekwacht", mixinStandardHelpOptions = true, version = "Lekwacht 0.1",
        description = "Outbound mail gateway that stops e-mail data breaches.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        // Angus Mail and Jetty log through java.util.logging; send it to the same place as ours.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code instead of exiting; for tests. */
    public static int execute(String... args) {
        CommandLine commandLine = Commands.addTo(new CommandLine(new Main()));
        // picocli answers bad usage with 2 already; failures while running are errors too
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return Commands.ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
