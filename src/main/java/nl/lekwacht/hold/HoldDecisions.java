package nl.lekwacht.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.lekwacht.hold.HoldDetails.StoredFinding;
import nl.lekwacht.inspect.FindingCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decisions on held messages, by the sender's link or an admin: send (as it is, as Bcc, without some
 * recipients) or cancel. A decision goes through the store atomically with its audit events and the
 * release job, so a link acts once even when several instances serve it; an override the policy marks
 * is told to the register. Thread-safe.
 */
public final class HoldDecisions {

    private static final Logger log = LoggerFactory.getLogger(HoldDecisions.class);
    private static final Set<FindingCode> REASON_REQUIRED = EnumSet.of(FindingCode.BSN, FindingCode.SPECIAL_CATEGORY);
    /** The actor recorded for whoever follows the sender's link. */
    public static final String LINK_ACTOR = "link";

    /** What the sender (or an admin) asked for. */
    public record Request(HoldAction action, String reason, List<String> removeRecipients, String actor) {
        public Request {
            reason = reason == null ? "" : reason.strip();
            removeRecipients = List.copyOf(removeRecipients);
        }
    }

    /** How an action ended. */
    public enum Outcome { DONE, UNKNOWN, ALREADY_DECIDED, EXPIRED, REASON_REQUIRED, CHOOSE_RECIPIENT }

    public record Result(Outcome outcome, Optional<HeldMessage> hold) {
    }

    private final HoldStore store;
    private final HoldLookup lookup;
    private final HoldMetrics metrics;
    private final OverrideListener overrides;
    private final Set<FindingCode> incidentOnOverride;
    private final Runnable wake;
    private final Clock clock;

    /** @param incidentOnOverride codes whose override opens an incident ({@code policy.incident-on-override}) */
    HoldDecisions(HoldStore store, HoldLookup lookup, HoldMetrics metrics, OverrideListener overrides,
                  Set<FindingCode> incidentOnOverride, Runnable wake, Clock clock) {
        this.store = store;
        this.lookup = lookup;
        this.metrics = metrics;
        this.overrides = overrides;
        this.incidentOnOverride = Set.copyOf(incidentOnOverride);
        this.wake = wake;
        this.clock = clock;
    }

    /** Acts on the hold behind a link. */
    public Result act(String token, Request request) {
        Optional<HeldMessage> hold = lookup.find(token);
        return hold.isEmpty() ? new Result(Outcome.UNKNOWN, hold) : actOn(hold.get(), request);
    }

    /** Acts on a hold by its id (the admin view); the request names the admin as actor. */
    public Result actById(String id, Request request) {
        Optional<HeldMessage> hold = store.byId(id);
        return hold.isEmpty() ? new Result(Outcome.UNKNOWN, hold) : actOn(hold.get(), request);
    }

    /** True when sending this hold needs a reason (it carries a BSN or special-category data). */
    public static boolean reasonRequired(HeldMessage hold) {
        return hold.details().codes().stream().anyMatch(c -> REASON_REQUIRED.stream().anyMatch(r -> r.name().equals(c)));
    }

    private Result actOn(HeldMessage hold, Request request) {
        Instant now = clock.instant();
        if (!hold.isPending()) {
            return new Result(Outcome.ALREADY_DECIDED, Optional.of(hold));
        }
        if (hold.isExpiredAt(now)) {
            return new Result(Outcome.EXPIRED, Optional.of(hold));
        }
        List<String> remaining = new ArrayList<>(hold.recipients());
        Set<String> removed = new LinkedHashSet<>();
        if (request.action() == HoldAction.REMOVE_RECIPIENT) {
            for (String r : request.removeRecipients()) {
                hold.recipients().stream().filter(x -> x.equalsIgnoreCase(r)).forEach(removed::add);
            }
            if (removed.isEmpty()) {
                return new Result(Outcome.CHOOSE_RECIPIENT, Optional.of(hold));
            }
            remaining.removeAll(removed);
        }
        boolean sends = request.action().sends() && !remaining.isEmpty();
        if (sends && reasonRequired(hold) && request.reason().isEmpty()) {
            return new Result(Outcome.REASON_REQUIRED, Optional.of(hold));
        }
        HoldStatus status = sends ? HoldStatus.RELEASED : HoldStatus.CANCELLED;
        String action = request.action().formValue();
        List<AuditEvent> events = new ArrayList<>();
        events.add(new AuditEvent(hold.id(), now, request.actor(), AuditEvent.DECIDED, "action=" + action
                + (removed.isEmpty() ? "" : "; removed=" + String.join(",", removed))
                + (request.reason().isEmpty() ? "" : "; reason=" + request.reason())));
        Set<FindingCode> overridden = sends ? overridden(hold, request.action(), removed) : Set.of();
        if (!overridden.isEmpty()) {
            events.add(new AuditEvent(hold.id(), now, request.actor(), AuditEvent.OVERRIDE, "codes="
                    + overridden.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("")
                    + (request.reason().isEmpty() ? "" : "; reason=" + request.reason())));
        }
        List<HoldStore.NewJob> jobs = new ArrayList<>();
        if (sends) {
            String rewrite = request.action() == HoldAction.SEND_BCC ? DeliveryJob.BCC_REWRITE : DeliveryJob.NO_REWRITE;
            jobs.add(new HoldStore.NewJob(new DeliveryJob(UUID.randomUUID().toString(), DeliveryJob.Kind.RELEASE,
                    hold.id(), hold.id(), rewrite, hold.sender(), remaining, 0, now), now, null));
        }
        HoldStore.Decision decision = new HoldStore.Decision(hold.id(), status, now, request.actor(), action,
                request.reason().isEmpty() ? null : request.reason());
        if (!store.decide(decision, events, jobs)) {
            return new Result(Outcome.ALREADY_DECIDED, store.byId(hold.id()));
        }
        metrics.decided(action, Duration.between(hold.createdAt(), now));
        Set<FindingCode> incident = EnumSet.noneOf(FindingCode.class);
        overridden.stream().filter(incidentOnOverride::contains).forEach(incident::add);
        if (!incident.isEmpty()) {
            try {
                overrides.overridden(hold, Set.copyOf(incident), request.actor(), request.reason());
            } catch (RuntimeException e) {
                log.error("hold={} override listener failed: {}", hold.id(), e.toString(), e);
            }
        }
        log.info("hold={} decided action={} actor={} status={}", hold.id(), action, request.actor(), status);
        wake.run();
        return new Result(Outcome.DONE, store.byId(hold.id()));
    }

    /** Codes sent out despite their finding: all, less what the chosen action dealt with. */
    private static Set<FindingCode> overridden(HeldMessage hold, HoldAction action, Set<String> removed) {
        Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        for (StoredFinding f : hold.details().findings()) {
            if ("true".equals(f.details().get("learning"))) {
                continue;
            }
            FindingCode code;
            try {
                code = FindingCode.valueOf(f.code());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (action == HoldAction.SEND_BCC && code == FindingCode.VISIBLE_RECIPIENTS) {
                continue;
            }
            if (action == HoldAction.REMOVE_RECIPIENT && resolvedByRemoval(f, removed)) {
                continue;
            }
            codes.add(code);
        }
        return codes;
    }

    private static boolean resolvedByRemoval(StoredFinding f, Set<String> removed) {
        Set<String> lower = new LinkedHashSet<>();
        removed.forEach(r -> lower.add(r.toLowerCase(Locale.ROOT)));
        if (f.code().equals("MISDIRECTED_RECIPIENT")) {
            String r = f.details().get("recipient");
            return r != null && lower.contains(r.toLowerCase(Locale.ROOT));
        }
        if (f.code().equals("NEW_RECIPIENT_WITH_PERSONAL_DATA")) {
            return !f.evidence().isEmpty() && f.evidence().stream().map(e -> e.toLowerCase(Locale.ROOT))
                    .allMatch(e -> lower.contains(e) || lower.stream().anyMatch(r -> r.endsWith("@" + e)));
        }
        return false;
    }
}
