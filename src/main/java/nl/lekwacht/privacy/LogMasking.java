package nl.lekwacht.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of every log line, whatever wrote it (our code, a library, an exception message with
 * the next hop's reply in it): BSNs masked ({@link BsnMasking}), the local part of every e-mail address
 * replaced by {@code *} (the domain stays: it says where mail went without saying to whom), and the
 * token of a hold or report link ({@code /h/...}, {@code /r/...}, a bearer credential) replaced by
 * {@code {token}}. Stateless and thread-safe.
 */
public final class LogMasking {

    /** An address whose domain has a dot: {@code a.visser@gemeente.example}, not {@code Object@1a2b}. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,})");
    private static final Pattern LINK_TOKEN = Pattern.compile("/([hr])/[A-Za-z0-9_-]{16,}");

    private LogMasking() {
    }

    /** The line with BSNs, addresses' local parts and link tokens masked; null stays null. */
    public static String mask(String line) {
        if (line == null) {
            return null;
        }
        String masked = BsnMasking.mask(line);
        if (masked.indexOf('@') >= 0) {
            masked = replace(ADDRESS.matcher(masked), "*@$1");
        }
        if (masked.contains("/h/") || masked.contains("/r/")) {
            masked = replace(LINK_TOKEN.matcher(masked), "/$1/{token}");
        }
        return masked;
    }

    private static String replace(Matcher matcher, String replacement) {
        return matcher.replaceAll(replacement);
    }
}
