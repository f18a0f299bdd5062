package nl.lekwacht.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.lekwacht.config.LekwachtConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Validates a configuration file and prints every problem with its key. Exit 0 when valid, 2 when not. */
@Command(name = "check-config", description = "Validate the configuration and list every problem with its key.")
final class CheckConfigCommand implements Callable<Integer> {

    @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})")
    Path config = ConfigFiles.DEFAULT;

    @Override
    public Integer call() throws Exception {
        LekwachtConfig loaded = ConfigFiles.loadValid(config, System.out);
        if (loaded == null) {
            return Commands.ERROR;
        }
        System.out.println(config + ": ok");
        return 0;
    }
}
