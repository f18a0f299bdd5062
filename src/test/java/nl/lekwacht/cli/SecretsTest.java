package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets a production gateway needs: {@code run} refuses to start without them, {@code check-config}
 * calls them errors, {@code secrets} makes them and {@code password-hash} makes login hashes.
 */
class SecretsTest {

    @TempDir
    Path dir;

    @Test
    void secretsPrintsFreshValuesInTheEnvironmentFileFormat() {
        Map<String, String> first = variables(CommandRun.of("secrets"));
        Map<String, String> second = variables(CommandRun.of("secrets"));
        assertThat(first).containsOnlyKeys("LEKWACHT_LINK_SECRET", "LEKWACHT_HOLD_KEY", "LEKWACHT_API_TOKEN");
        assertThat(Base64.getDecoder().decode(first.get("LEKWACHT_HOLD_KEY"))).hasSize(32);
        assertThat(first.get("LEKWACHT_LINK_SECRET")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(first.get("LEKWACHT_API_TOKEN")).matches("[A-Za-z0-9_-]{43}");
        first.forEach((name, value) -> assertThat(second.get(name)).as(name + " is fresh").isNotEqualTo(value));
    }

    @Test
    void passwordHashMakesABcryptHashOfThePasswordOnStandardInput() {
        CommandRun run = CommandRun.withInput("een-lang-wachtwoord\n", "password-hash", "--cost", "10");
        assertThat(run.exit()).isZero();
        String hash = run.out().strip();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(BCrypt.verifyer().verify("een-lang-wachtwoord".toCharArray(), hash).verified).isTrue();
        assertThat(run.out()).doesNotContain("een-lang-wachtwoord");
    }

    @Test
    void passwordHashWithoutAPasswordExits2() {
        assertThat(CommandRun.withInput("", "password-hash").exit()).isEqualTo(2);
    }

    @Test
    void runRefusesToStartWithoutLinkSecretAndContentKeyNamingBothAndTheCommand() throws Exception {
        Path config = write("organisation:\n  internal-domains: [gemeente.example]\nhold:\n  notify-from: lekwacht@gemeente.example\n");
        CommandRun run = CommandRun.of("run", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("refusing to start").contains("hold.link-secret").contains("hold.encryption-key")
                .contains("lekwacht secrets");
    }

    @Test
    void checkConfigReportsUnsetSecretsAsErrors() throws Exception {
        CommandRun run = CommandRun.of("check-config", "--config", "config/lekwacht.yml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("hold.link-secret: not set").contains("hold.encryption-key: not set")
                .contains("lekwacht secrets").doesNotContain(": ok");
    }

    @Test
    void checkConfigAcceptsTheShippedConfigurationWithItsSecretsSet() throws Exception {
        Map<String, String> secrets = variables(CommandRun.of("secrets"));
        String shipped = Files.readString(Path.of("config/lekwacht.yml"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            shipped = shipped.replace("${" + secret.getKey() + "}", secret.getValue());
        }
        Path config = write(shipped);
        CommandRun run = CommandRun.of("check-config", "--config", config.toString());
        assertThat(run.out()).endsWith("ok\n").doesNotContain("warning");
        assertThat(run.exit()).isZero();
    }

    @Test
    void checkConfigWarnsOfANoticeSenderAtLocalhost() throws Exception {
        Path config = write("organisation:\n  internal-domains: [gemeente.example]\nhold:\n  link-secret: \"" + "s".repeat(40) + "\"\n  encryption-key: \""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\"\n  notify-from: lekwacht@localhost\n");
        CommandRun run = CommandRun.of("check-config", "--config", config.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("warning: hold.notify-from: lekwacht@localhost").endsWith("ok\n");
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("lekwacht-" + System.nanoTime() + ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, String> variables(CommandRun run) {
        assertThat(run.exit()).isZero();
        Map<String, String> variables = new LinkedHashMap<>();
        run.out().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
            int eq = l.indexOf('=');
            variables.put(l.substring(0, eq), l.substring(eq + 1));
        });
        return variables;
    }
}
