package nl.lekwacht.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.source.ConfigProblem;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.policy.PolicySide;

/** Loading the configuration for a command, and printing its problems. */
final class ConfigFiles {

    static final Path DEFAULT = Path.of("config", "lekwacht.yml");

    private ConfigFiles() {
    }

    static LekwachtConfig load(Path file) throws IOException {
        return new ConfigLoader(System.getenv()).load(file);
    }

    /**
     * The built-in configuration of {@code demo}, with the capture server's port and the bcrypt hash of
     * the demo login's password filled in.
     */
    static LekwachtConfig demo(int capturePort, String passwordHash) throws IOException {
        try (InputStream in = ConfigFiles.class.getResourceAsStream("demo.yml")) {
            if (in == null) {
                throw new IOException("demo.yml missing from the jar");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${CAPTURE_PORT}", Integer.toString(capturePort))
                    .replace("${DEMO_PASSWORD_HASH}", passwordHash);
            return new ConfigLoader(System.getenv()).parse(yaml);
        }
    }

    /**
     * Loads and validates {@code file} (detector settings included) for a command, printing what is
     * wrong on {@code err}.
     *
     * @return the configuration, or null when the file is missing or has problems
     */
    static LekwachtConfig loadValid(Path file, PrintStream err) throws IOException {
        if (!exists(file)) {
            err.println(file + ": no such file");
            return null;
        }
        LekwachtConfig config = load(file);
        ConfigFiles.validate(config);
        return report(config, file, err) ? config : null;
    }

    /**
     * Reads the sections the configuration package keeps raw (each detector family's settings, the
     * policy), so that their problems join the problem list.
     */
    static void validate(LekwachtConfig config) {
        InspectSide.validate(config);
        PolicySide.settings(config);
    }

    static boolean report(LekwachtConfig config, Path file, PrintStream out) {
        if (config.problems().isEmpty()) {
            return true;
        }
        out.println(file + ": " + config.problems().size() + " problem(s)");
        for (ConfigProblem problem : config.problems()) {
            out.println("  " + problem);
        }
        return false;
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}
