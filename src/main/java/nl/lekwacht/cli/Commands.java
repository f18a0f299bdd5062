package nl.lekwacht.cli;

import picocli.CommandLine;

/**
 * The commands of the command line ({@code run}, {@code demo}, {@code scan}, {@code check-config},
 * {@code history import}, {@code secrets}, {@code password-hash}) and their shared exit code for errors. Exit codes are part of the
 * contract (design.md §4).
 */
public final class Commands {

    /** Exit code for any error (bad arguments, unreadable files, invalid config). */
    public static final int ERROR = 2;

    private Commands() {
    }

    /** Adds every command to {@code root}, in the order the usage lists them. */
    public static CommandLine addTo(CommandLine root) {
        return root.addSubcommand(new RunCommand())
                .addSubcommand(new DemoCommand())
                .addSubcommand(new ScanCommand())
                .addSubcommand(new CheckConfigCommand())
                .addSubcommand(new HistoryCommand())
                .addSubcommand(new SecretsCommand())
                .addSubcommand(new PasswordHashCommand());
    }
}
