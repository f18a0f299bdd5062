package nl.lekwacht.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.LekwachtConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the relay and the web side until SIGTERM, then drains. Refuses to start without the link secret
 * and the content key: with secrets made up by the process, held mail could not be released after a
 * restart.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start the relay and the web side.")
final class RunCommand implements Callable<Integer> {

    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})")
    Path config = ConfigFiles.DEFAULT;

    @Override
    public Integer call() throws Exception {
        LekwachtConfig loaded = ConfigFiles.loadValid(config, System.err);
        if (loaded == null) {
            System.err.println("(`demo` runs on built-in defaults without a configuration file)");
            return Commands.ERROR;
        }
        List<String> errors = ProductionChecks.errors(loaded);
        if (!errors.isEmpty()) {
            System.err.println(config + ": refusing to start");
            errors.forEach(e -> System.err.println("  " + e));
            return Commands.ERROR;
        }
        LogFormat.apply(loaded.logging());
        ProductionChecks.warnings(loaded).forEach(w -> System.err.println(config + ": warning: " + w));
        Gateway gateway = Ports.start(loaded, Clock.systemUTC());
        awaitShutdown(gateway);
        return 0;
    }

    /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then drains the gateway. */
    static void awaitShutdown(Gateway gateway) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.drain(DRAIN_TIMEOUT);
            stopped.countDown();
        }, "lekwacht-shutdown"));
        stopped.await();
    }
}
