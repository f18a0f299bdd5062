package nl.lekwacht.hold;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
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
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.hold.HoldDetails.StoredFinding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.policy.Screening.Screened;
import nl.lekwacht.smtp.HoldDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Held messages: stores them (sealed, durably, before the relay answers 250), queues the sender's
 * notification, serves the link's page and actions, expires what nobody decided on, and erases content
 * after the grace period. Decisions go through the store atomically, so a link acts once even when
 * several instances serve it. Thread-safe.
 */
public final class HoldService implements HoldDesk {

    private static final Logger log = LoggerFactory.getLogger(HoldService.class);
    private static final Set<FindingCode> REASON_REQUIRED = EnumSet.of(FindingCode.BSN, FindingCode.SPECIAL_CATEGORY);
    /** The actor recorded for whoever follows the sender's link. */
    public static final String LINK_ACTOR = "link";

    /**
     * @param publicUrl          base of the link ({@code web.public-url})
     * @param incidentOnOverride codes whose override opens an incident ({@code policy.incident-on-override})
     */
    public record Settings(Duration expiry, Duration contentGrace, String notifyFrom, String publicUrl,
                           Set<FindingCode> incidentOnOverride) {
    }

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
    private final ContentCipher cipher;
    private final LinkTokens tokens;
    private final Notices notices;
    private final HoldRecords records;
    private final HoldMetrics metrics;
    private final OverrideListener overrides;
    private final Runnable wake;
    private final Clock clock;
    private final Settings settings;

    public HoldService(HoldStore store, ContentCipher cipher, LinkTokens tokens, Notices notices,
                       OrganisationConfig organisation, HoldMetrics metrics, OverrideListener overrides,
                       Runnable wake, Clock clock, Settings settings) {
        this.store = store;
        this.cipher = cipher;
        this.tokens = tokens;
        this.notices = notices;
        this.records = new HoldRecords(organisation);
        this.metrics = metrics;
        this.overrides = overrides;
        this.wake = wake;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String hold(Screened screened, Spool spool) throws IOException {
        Instant now = clock.instant();
        String token = tokens.newToken();
        boolean eightBit = eightBit(spool);
        HeldMessage hold = records.newHold(screened, LinkTokens.hash(token), eightBit, spool.size(), now,
                now.plus(settings.expiry()));
        if (hold.details().notifyTo().isEmpty()) {
            throw new IOException("nobody inside the organisation to ask about hold " + hold.id());
        }
        byte[] notice = notices.held(hold, link(token));
        HoldStore.NewJob notification = notice(hold, notice, now);
        List<AuditEvent> events = List.of(
                new AuditEvent(hold.id(), now, "relay", AuditEvent.HELD, "codes=" + String.join(",",
                        hold.details().codes()) + "; recipients=" + hold.recipients().size() + "; size=" + spool.size()),
                new AuditEvent(hold.id(), now, "relay", AuditEvent.NOTIFICATION_QUEUED,
                        "to=" + String.join(",", hold.details().notifyTo())));
        try (InputStream content = spool.open()) {
            store.create(hold, cipher.seal(hold.id(), content), events, List.of(notification));
        } catch (RuntimeException e) {
            throw new IOException("could not store hold " + hold.id() + ": " + e.getMessage(), e);
        }
        metrics.held();
        wake.run();
        return hold.id();
    }

    /** The hold behind a link, recording the view; empty for an unknown or malformed token. */
    public Optional<HeldMessage> view(String token) {
        Optional<HeldMessage> hold = find(token);
        hold.ifPresent(h -> store.audit(new AuditEvent(h.id(), clock.instant(), LINK_ACTOR, AuditEvent.VIEWED,
                "status=" + h.status())));
        return hold;
    }

    /** The hold behind a link without recording anything (for the form's checks). */
    public Optional<HeldMessage> find(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.byTokenHash(LinkTokens.hash(token));
    }

    public Optional<HeldMessage> byId(String id) {
        return store.byId(id);
    }

    public List<HeldMessage> pending(int limit) {
        return store.pending(limit);
    }

    public List<AuditEvent> auditTrail(String holdId) {
        return store.auditTrail(holdId);
    }

    /** Acts on the hold behind a link. */
    public Result act(String token, Request request) {
        Optional<HeldMessage> hold = find(token);
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
        overridden.stream().filter(settings.incidentOnOverride()::contains).forEach(incident::add);
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

    /** Expires pending holds past their time: not sent, sender told. Safe to run on every instance. */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (String id : store.expiredPending(now, 100)) {
            Optional<HeldMessage> hold = store.byId(id);
            if (hold.isEmpty()) {
                continue;
            }
            try {
                HoldStore.NewJob notice = notice(hold.get(), notices.expired(hold.get()), now);
                List<AuditEvent> events = List.of(
                        new AuditEvent(id, now, "system", AuditEvent.EXPIRED, "not sent; sender told"),
                        new AuditEvent(id, now, "system", AuditEvent.NOTIFICATION_QUEUED,
                                "expiry notice to=" + String.join(",", hold.get().details().notifyTo())));
                if (store.decide(new HoldStore.Decision(id, HoldStatus.EXPIRED, now, "system", "expired", null),
                        events, List.of(notice))) {
                    metrics.decided("expired", Duration.between(hold.get().createdAt(), now));
                    log.info("hold={} expired", id);
                    expired++;
                }
            } catch (IOException e) {
                log.error("hold={} could not build the expiry notice: {}", id, e.toString(), e);
            }
        }
        if (expired > 0) {
            wake.run();
        }
        return expired;
    }

    /** Erases the content of holds decided more than the grace period ago (their release done). */
    public int purgeContent() {
        Instant now = clock.instant();
        List<String> purged = store.purgeContent(now.minus(settings.contentGrace()), now);
        for (String id : purged) {
            store.audit(new AuditEvent(id, now, "system", AuditEvent.CONTENT_DELETED, "content erased after grace"));
        }
        return purged.size();
    }

    private HoldStore.NewJob notice(HeldMessage hold, byte[] message, Instant now) {
        String id = UUID.randomUUID().toString();
        return new HoldStore.NewJob(new DeliveryJob(id, DeliveryJob.Kind.NOTICE, hold.id(), id,
                DeliveryJob.NO_REWRITE, settings.notifyFrom(), hold.details().notifyTo(), 0, now), now,
                cipher.seal(id, message));
    }

    private String link(String token) {
        return settings.publicUrl() + "/h/" + token;
    }

    private static boolean eightBit(Spool spool) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = spool.open()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
