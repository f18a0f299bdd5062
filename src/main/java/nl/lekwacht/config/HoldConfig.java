package nl.lekwacht.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.config.source.HostPort;

/**
 * Held messages.
 *
 * @param expiry          a hold not decided on by then is not sent, and the sender is told
 * @param linkSecret      HMAC secret shared by every instance; empty means a per-process random one
 * @param encryptionKey   base64 AES key for held content; empty means a per-process random one
 * @param oldEncryptionKeys earlier keys, still readable after a rotation
 * @param notifyRelay     where notifications are sent; empty means the next hop
 * @param contentGrace    how long content is kept after a hold is decided
 * @param notifyFrom      envelope and From: address of notifications
 * @param deliveryRetry   first wait before a release or notice is tried again; it doubles, up to an hour
 * @param deliveryLifetime how long a release keeps being retried before the sender gets a failure notice
 * @param pollInterval    how often each instance looks for due deliveries and expired holds
 * @param timeZone        zone of the times shown in notices and pages
 * @param retention       how long a decided hold's metadata (sender, recipients, subject, findings) and its
 *                        audit trail are kept, counted from its receipt; then both are deleted
 * @param delay           how long the {@code delay} policy action keeps a message before it leaves by itself
 * @param workingHours    when set, hold expiry counts working time only
 * @param remindAfter     when an undecided hold's sender gets a reminder with a fresh link; empty: never
 * @param escalateAfter   when the sender's delegate ({@code escalateTo}) is asked; empty: never
 * @param escalateTo      delegates: a sender address, or a domain (every address at it and below it), to the
 *                        address of who may decide in the sender's place; keys in lower case
 */
public record HoldConfig(Duration expiry, String linkSecret, String encryptionKey, List<String> oldEncryptionKeys,
                         Optional<HostPort> notifyRelay, Duration contentGrace, String notifyFrom,
                         Duration deliveryRetry, Duration deliveryLifetime, Duration pollInterval, ZoneId timeZone,
                         Duration retention, Duration delay, Optional<WorkingHours> workingHours,
                         Optional<Duration> remindAfter, Optional<Duration> escalateAfter,
                         Map<String, String> escalateTo) {

    /**
     * Working time: these days, from {@code start} to {@code end} in {@link #timeZone}.
     */
    public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        public WorkingHours {
            days = Set.copyOf(days);
        }
    }

    public HoldConfig {
        oldEncryptionKeys = List.copyOf(oldEncryptionKeys);
        escalateTo = Map.copyOf(escalateTo);
    }

    /** The default {@code hold.retention}: half a year, long enough to answer questions about a hold. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

    static HoldConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("expiry", "link-secret", "encryption-key", "old-encryption-keys",
                "notify-relay", "content-grace", "notify-from", "delivery-retry", "delivery-lifetime",
                "poll-interval", "time-zone", "retention", "delay", "working-hours", "remind-after", "escalate-after",
                "escalate-to"));
        String secret = node.string("link-secret", "");
        if (!secret.isEmpty() && secret.length() < 32) {
            node.problem("link-secret", "must be at least 32 characters");
        }
        Optional<HostPort> relay = node.optionalString("notify-relay").map(text -> {
            try {
                return HostPort.parse(text);
            } catch (IllegalArgumentException e) {
                node.problem("notify-relay", e.getMessage());
                return null;
            }
        });
        String key = node.string("encryption-key", "");
        checkKey(node, "encryption-key", key);
        List<String> oldKeys = node.strings("old-encryption-keys", List.of());
        oldKeys.forEach(k -> checkKey(node, "old-encryption-keys", k));
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        String zoneName = node.string("time-zone", "Europe/Amsterdam");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            node.problem("time-zone", "not a time zone: " + zoneName);
        }
        Duration poll = node.duration("poll-interval", Duration.ofSeconds(5));
        if (poll.isZero() || poll.isNegative()) {
            node.problem("poll-interval", "must be positive");
            poll = Duration.ofSeconds(5);
        }
        Duration expiry = node.duration("expiry", Duration.ofHours(24));
        Duration grace = node.duration("content-grace", Duration.ofDays(1));
        Duration lifetime = node.duration("delivery-lifetime", Duration.ofDays(5));
        Duration retention = node.duration("retention", DEFAULT_RETENTION);
        if (retention.compareTo(expiry.plus(grace).plus(lifetime)) <= 0) {
            // a hold must outlive its decision, its release and the erasure of its content
            node.problem("retention", "must be longer than expiry + content-grace + delivery-lifetime ("
                    + expiry.plus(grace).plus(lifetime).toHours() + "h)");
        }
        Duration delay = node.duration("delay", Duration.ofMinutes(2));
        if (delay.isZero() || delay.isNegative() || delay.compareTo(expiry) >= 0) {
            node.problem("delay", "must be positive and shorter than hold.expiry");
        }
        return new HoldConfig(expiry, secret, key, oldKeys, relay, grace,
                node.string("notify-from", "lekwacht@localhost"),
                node.duration("delivery-retry", Duration.ofSeconds(30)), lifetime, poll, zone, retention, delay,
                workingHours(node.child("working-hours")),
                followUp(node, "remind-after", Duration.ofHours(4), expiry.dividedBy(2), expiry),
                followUp(node, "escalate-after", Duration.ofHours(8), expiry.multipliedBy(3).dividedBy(4), expiry),
                delegates(node.child("escalate-to")));
    }

    /**
     * A follow-up's time after the hold: {@code 0} or {@code off} turns it off; the default gives way to
     * {@code whenShort} when the expiry is too short for it, a configured value must come before expiry.
     */
    private static Optional<Duration> followUp(ConfigNode node, String key, Duration byDefault, Duration whenShort,
                                               Duration expiry) {
        if (!node.has(key)) {
            return Optional.of(node.duration(key, byDefault.compareTo(expiry) < 0 ? byDefault : whenShort));
        }
        String text = node.string(key, "").strip().toLowerCase(java.util.Locale.ROOT);
        if (Set.of("0", "off", "false", "no", "none").contains(text)) {
            return Optional.empty();
        }
        Duration value = node.duration(key, byDefault);
        if (value.compareTo(expiry) >= 0) {
            node.problem(key, "must be shorter than hold.expiry (" + expiry.toHours() + "h), or 0 for none");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** {@code escalate-to}: sender address or domain to the delegate's address. */
    private static Map<String, String> delegates(ConfigNode node) {
        Map<String, String> delegates = new java.util.LinkedHashMap<>();
        if (!node.isPresent()) {
            return delegates;
        }
        for (String key : node.keys()) {
            String who = key.strip().toLowerCase(java.util.Locale.ROOT);
            who = who.startsWith("@") ? who.substring(1) : who;
            String delegate = node.string(key, "").strip();
            if (who.isEmpty() || who.contains(" ") || who.indexOf('@') != who.lastIndexOf('@')) {
                node.problem(key, "not a sender address or a domain: " + key);
            } else if (!ADDRESS.matcher(delegate).matches()) {
                node.problem(key, "the delegate must be one e-mail address, got '" + delegate + "'");
            } else {
                delegates.put(who, delegate);
            }
        }
        return delegates;
    }

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+");

    private static Optional<WorkingHours> workingHours(ConfigNode node) {
        if (!node.isPresent()) {
            return Optional.empty();
        }
        node.rejectUnknownKeys(Set.of("days", "start", "end"));
        Set<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
        for (String day : node.strings("days", List.of("MON", "TUE", "WED", "THU", "FRI"))) {
            DayOfWeek found = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(day.strip().toUpperCase(java.util.Locale.ROOT)) && day.strip().length() >= 2) {
                    found = d;
                }
            }
            if (found == null) {
                node.problem("days", "not a day of the week: " + day);
            } else {
                days.add(found);
            }
        }
        LocalTime start = time(node, "start", LocalTime.of(8, 0));
        LocalTime end = time(node, "end", LocalTime.of(17, 0));
        if (!start.isBefore(end) || days.isEmpty()) {
            node.problem("", "working hours need at least one day and a start before the end");
            return Optional.empty();
        }
        return Optional.of(new WorkingHours(days, start, end));
    }

    private static LocalTime time(ConfigNode node, String key, LocalTime defaultValue) {
        String text = node.string(key, defaultValue.toString());
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            node.problem(key, "not a time of day (HH:MM): " + text);
            return defaultValue;
        }
    }

    private static void checkKey(ConfigNode node, String name, String base64) {
        if (base64.isEmpty()) {
            return;
        }
        try {
            int length = java.util.Base64.getDecoder().decode(base64.trim()).length;
            if (length != 16 && length != 24 && length != 32) {
                node.problem(name, "an AES key is 16, 24 or 32 bytes (base64), got " + length + " bytes");
            }
        } catch (IllegalArgumentException e) {
            node.problem(name, "not base64");
        }
    }
}
