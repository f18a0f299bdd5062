package nl.lekwacht.config.source;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the size ({@code 50MB}) and duration ({@code 30s}, {@code 24h}) notation of the config. */
public final class Units {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static long size(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 512KB or 50MB, got '" + text + "'");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size too large: '" + text + "'");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (value > Long.MAX_VALUE / factor) {
            throw new IllegalArgumentException("size too large: '" + text + "'");
        }
        return value * factor;
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 500ms, 30s, 10m, 24h or 7d, got '"
                    + text + "'");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration too large: '" + text + "'");
        }
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            case "h" -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        };
    }

    /** Renders a byte count the way the config writes it, for messages. */
    public static String formatSize(long bytes) {
        if (bytes % (1024L * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024) + "MB";
        }
        if (bytes % 1024 == 0 && bytes > 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "B";
    }
}
