package nl.lekwacht.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.LekwachtConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the relay and the web side until SIGTERM, then drains. */
@Command(name = "run", description = "Start the relay and the web side.")
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
        Gateway gateway = Gateway.start(loaded, Clock.systemUTC());
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
