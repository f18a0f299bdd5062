package nl.lekwacht.cli;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes the bcrypt hash of a password for {@code web.users} (and {@code smtp.auth.users}). The password
 * is asked for on the terminal, or read as the first line of standard input when there is none, so it
 * never appears in the shell history or the process list.
 */
@Command(name = "password-hash", mixinStandardHelpOptions = true,
        description = "Print the bcrypt hash of a password for web.users (asked for, or read from standard input).")
final class PasswordHashCommand implements Callable<Integer> {

    static final int MIN_LENGTH = 12;

    @Option(names = "--cost", description = "bcrypt cost (default: ${DEFAULT-VALUE})")
    int cost = 12;

    @Override
    public Integer call() throws IOException {
        char[] password = read();
        try {
            if (password == null || password.length == 0) {
                System.err.println("error: no password given");
                return Commands.ERROR;
            }
            if (password.length < MIN_LENGTH) {
                System.err.println("warning: a password shorter than " + MIN_LENGTH + " characters is easy to guess");
            }
            if (cost < 10 || cost > 16) {
                System.err.println("error: --cost must be between 10 and 16");
                return Commands.ERROR;
            }
            System.out.println(BCrypt.withDefaults().hashToString(cost, password));
            return 0;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("error: the two entries differ");
                return null;
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
