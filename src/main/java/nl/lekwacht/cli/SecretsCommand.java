package nl.lekwacht.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Prints a fresh set of secrets in the format of the environment file the systemd unit reads
 * ({@code /etc/lekwacht/lekwacht.env}); the package's install script writes the same variables.
 */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Print fresh secrets (link secret, content key, API token) as environment-file lines.")
final class SecretsCommand implements Callable<Integer> {

    /** The variables the shipped configuration refers to, with the key each one fills. */
    static final String LINK_SECRET = "LEKWACHT_LINK_SECRET";
    static final String HOLD_KEY = "LEKWACHT_HOLD_KEY";
    static final String API_TOKEN = "LEKWACHT_API_TOKEN";

    private final SecureRandom random = new SecureRandom();

    @Override
    public Integer call() {
        System.out.println("# Lekwacht secrets: keep them together with the store's backup; every instance on one");
        System.out.println("# store needs the same " + LINK_SECRET + " and " + HOLD_KEY + ".");
        System.out.println("# hold.link-secret");
        System.out.println(LINK_SECRET + "=" + Base64.getEncoder().encodeToString(bytes()));
        System.out.println("# hold.encryption-key (AES-256)");
        System.out.println(HOLD_KEY + "=" + Base64.getEncoder().encodeToString(bytes()));
        System.out.println("# web.api-tokens[].token");
        System.out.println(API_TOKEN + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes()));
        return 0;
    }

    private byte[] bytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
