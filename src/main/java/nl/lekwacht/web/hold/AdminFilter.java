package nl.lekwacht.web.hold;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldStatus;
import nl.lekwacht.inspect.FindingCode;

/**
 * The filters of the admin list, from its query: a finding code, part of the sender's address, a status
 * (pending by default) and how long a hold has waited at least. Unknown values mean "any".
 *
 * @param finding a {@link FindingCode} name, empty for any
 * @param sender  part of the envelope sender, empty for any
 * @param age     a key of {@link #AGES}, empty for any
 */
public record AdminFilter(String finding, String sender, HoldStatus status, String age) {

    /** How long a hold has waited at least, by the value the form sends. */
    public static final Map<String, Duration> AGES = ages();

    static AdminFilter of(Context ctx) {
        String finding = Optional.ofNullable(ctx.queryParam("finding")).orElse("");
        boolean known = java.util.Arrays.stream(FindingCode.values()).anyMatch(c -> c.name().equals(finding));
        HoldStatus status = HoldStatus.PENDING;
        for (HoldStatus s : HoldStatus.values()) {
            if (s.name().equalsIgnoreCase(Optional.ofNullable(ctx.queryParam("status")).orElse(""))) {
                status = s;
            }
        }
        String age = Optional.ofNullable(ctx.queryParam("age")).filter(AGES::containsKey).orElse("");
        String sender = Optional.ofNullable(ctx.queryParam("sender")).orElse("").strip();
        return new AdminFilter(known ? finding : "", sender.length() > 320 ? sender.substring(0, 320) : sender,
                status, age);
    }

    boolean matches(HeldMessage hold, Instant now) {
        return (finding.isEmpty() || hold.details().codes().contains(finding))
                && (sender.isEmpty() || hold.sender().toLowerCase(Locale.ROOT).contains(sender.toLowerCase(Locale.ROOT)))
                && (age.isEmpty() || !hold.createdAt().isAfter(now.minus(AGES.get(age))));
    }

    public boolean isPending() {
        return status == HoldStatus.PENDING;
    }

    public boolean any() {
        return !finding.isEmpty() || !sender.isEmpty() || !age.isEmpty() || !isPending();
    }

    private static Map<String, Duration> ages() {
        Map<String, Duration> ages = new LinkedHashMap<>();
        ages.put("1h", Duration.ofHours(1));
        ages.put("4h", Duration.ofHours(4));
        ages.put("1d", Duration.ofDays(1));
        return java.util.Collections.unmodifiableMap(ages);
    }
}
