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

    /** What the built-in configuration of {@code demo} is filled in with. */
    record DemoSettings(int smtpPort, int webPort, int capturePort, Path dataDir, String passwordHash,
                        String linkSecret, String holdKey) {
    }

    /** The built-in configuration of {@code demo}. */
    static LekwachtConfig demo(DemoSettings settings) throws IOException {
        try (InputStream in = ConfigFiles.class.getResourceAsStream("demo.yml")) {
            if (in == null) {
                throw new IOException("demo.yml missing from the jar");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${SMTP_PORT}", Integer.toString(settings.smtpPort()))
                    .replace("${WEB_PORT}", Integer.toString(settings.webPort()))
                    .replace("${CAPTURE_PORT}", Integer.toString(settings.capturePort()))
                    .replace("${DATA_DIR}", settings.dataDir().toAbsolutePath().toString().replace("\\", "/"))
                    .replace("${DEMO_PASSWORD_HASH}", settings.passwordHash())
                    .replace("${LINK_SECRET}", settings.linkSecret())
                    .replace("${HOLD_KEY}", settings.holdKey());
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
