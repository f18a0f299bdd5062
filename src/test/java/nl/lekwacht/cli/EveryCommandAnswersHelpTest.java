package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A newcomer's first try is {@code --help}: every command, subcommands included, answers it with its
 * usage and exit 0, and does nothing else (no store, no port, no parser process).
 */
class EveryCommandAnswersHelpTest {

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsUsageAndExit0() {
        List<List<String>> paths = new ArrayList<>();
        collect(Commands.addTo(new CommandLine(new Main())), new ArrayList<>(), paths);
        assertThat(paths).as("the commands the README lists, at least")
                .contains(List.of("run"), List.of("demo"), List.of("scan"), List.of("check-config"),
                        List.of("history", "import"), List.of("secrets"), List.of("password-hash"));
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CommandRun run = CommandRun.of(args.toArray(String[]::new));
                assertThat(run.exit()).as(String.join(" ", args)).isZero();
                assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: lekwacht")
                        .contains(String.join(" ", path));
            }
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        for (var sub : command.getSubcommands().entrySet()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            paths.add(subPath);
            collect(sub.getValue(), subPath, paths);
        }
    }
}
