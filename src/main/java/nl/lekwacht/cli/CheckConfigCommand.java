package nl.lekwacht.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.source.ConfigProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Validates a configuration file and prints every problem with its key: exit 0 when valid, 2 when not
 * (unset secrets included, since {@code run} would refuse them). Offline by default, so the unit's start
 * check never fails while the next hop is down; {@code --connect} also tries the next hop and the store
 * (exit 1 when one does not answer).
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate the configuration and list every problem with its key.")
final class CheckConfigCommand implements Callable<Integer> {

    static final int UNREACHABLE = 1;

    @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})")
    Path config = ConfigFiles.DEFAULT;

    @Option(names = "--connect", description = "also check that the next hop and the store answer")
    boolean connect;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!ConfigFiles.exists(config)) {
            out.println(config + ": no such file");
            return Commands.ERROR;
        }
        LekwachtConfig loaded = ConfigFiles.load(config);
        ConfigFiles.validate(loaded);
        List<String> errors = ProductionChecks.errors(loaded);
        for (String warning : ProductionChecks.warnings(loaded)) {
            out.println(config + ": warning: " + warning);
        }
        int count = loaded.problems().size() + errors.size();
        if (count > 0) {
            out.println(config + ": " + count + " problem(s)");
            for (ConfigProblem problem : loaded.problems()) {
                out.println("  " + problem);
            }
            errors.forEach(e -> out.println("  " + e));
            return Commands.ERROR;
        }
        if (connect && !new Connectivity(loaded).check(out)) {
            return UNREACHABLE;
        }
        out.println(config + ": ok");
        return 0;
    }
}
