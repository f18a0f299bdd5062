package nl.lekwacht.hold;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.lekwacht.hold.HoldDetails.StoredFinding;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decisions on held messages, by the sender's link or an admin: send (as it is, as Bcc), correct and
 * send (without some recipients, to a suggested address instead, without some attachments: each a
 * {@link Correction}, screened again before it may leave), or cancel. A decision goes through the store atomically with its audit events and the
 * release job, so a link acts once even when several instances serve it; an override the policy marks
 * is told to the register. Thread-safe.
 */
public final class HoldDecisions {

    private static final Logger log = LoggerFactory.getLogger(HoldDecisions.class);
    private static final Set<FindingCode> REASON_REQUIRED = EnumSet.of(FindingCode.BSN, FindingCode.SPECIAL_CATEGORY,
            FindingCode.NEW_RECIPIENT_WITH_PERSONAL_DATA);
    /** The actor recorded for whoever follows the sender's link. */
    public static final String LINK_ACTOR = "link";

    /**
     * What the sender (or an admin) asked for.
     *
     * @param recipients  the recipients to remove, or the one to replace
     * @param attachments part ids of the attachments to withhold
     * @param replacement the suggested address that takes the recipient's place
     */
    public record Request(HoldAction action, String reason, List<String> recipients, List<String> attachments,
                          String replacement, String actor) {
        public Request {
            reason = reason == null ? "" : reason.strip();
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            replacement = replacement == null ? "" : replacement;
        }

        public Request(HoldAction action, String reason, List<String> recipients, String actor) {
            this(action, reason, recipients, List.of(), "", actor);
        }
    }

    /**
     * How an action ended. {@code CHOOSE_ATTACHMENT}: no (known) attachment chosen; {@code
     * NOT_A_SUGGESTION}: the replacement is not one the page offered; {@code NOT_POSSIBLE}: the action
     * does not apply to this message (signed mail); {@code REFUSED}: the corrected message is one the
     * policy refuses; {@code FAILED}: the content could not be corrected (nothing changed).
     */
    public enum Outcome { DONE, UNKNOWN, ALREADY_DECIDED, EXPIRED, REASON_REQUIRED, CHOOSE_RECIPIENT,
        CHOOSE_ATTACHMENT, NOT_A_SUGGESTION, NOT_POSSIBLE, REFUSED, FAILED }

    public record Result(Outcome outcome, Optional<HeldMessage> hold) {
    }

    private final HoldStore store;
    private final HoldLookup lookup;
    private final HoldMetrics metrics;
    private final OverrideListener overrides;
    private final Set<FindingCode> incidentOnOverride;
    private final CorrectedMessage correcting;
    private final ContentCipher cipher;
    private final Runnable wake;
    private final Clock clock;
    private final NearMisses nearMisses;
    private final Map<HoldAction, Correction> corrections = Map.of(
            HoldAction.REMOVE_RECIPIENT, new RecipientRemoval(),
            HoldAction.REPLACE_RECIPIENT, new RecipientReplacement(),
            HoldAction.SEND_WITHOUT_ATTACHMENTS, new WithoutAttachments());

    /**
     * @param incidentOnOverride codes whose override opens an incident ({@code policy.incident-on-override})
     * @param correcting         rewrites and screens again a message a correction changes
     * @param cipher             seals the corrected content in place of the original
     * @param nearMisses         makes what is kept of a hold once it is decided
     */
    HoldDecisions(HoldStore store, HoldLookup lookup, HoldMetrics metrics, OverrideListener overrides,
                  Set<FindingCode> incidentOnOverride, CorrectedMessage correcting, ContentCipher cipher,
                  Runnable wake, Clock clock, NearMisses nearMisses) {
        this.nearMisses = nearMisses;
        this.store = store;
        this.lookup = lookup;
        this.metrics = metrics;
        this.overrides = overrides;
        this.incidentOnOverride = Set.copyOf(incidentOnOverride);
        this.correcting = correcting;
        this.cipher = cipher;
        this.wake = wake;
        this.clock = clock;
    }

    /**
     * Acts on the hold behind a link; a request by {@link #LINK_ACTOR} through the delegate's link is
     * recorded with the delegate's address.
     */
    public Result act(String token, Request request) {
        Optional<HoldLookup.Linked> linked = lookup.find(token);
        if (linked.isEmpty()) {
            return new Result(Outcome.UNKNOWN, Optional.empty());
        }
        Request as = request.actor().equals(LINK_ACTOR) ? new Request(request.action(), request.reason(),
                request.recipients(), request.attachments(), request.replacement(), linked.get().actor()) : request;
        return actOn(linked.get().hold(), as);
    }

    /** Acts on a hold by its id (the admin view); the request names the admin as actor. */
    public Result actById(String id, Request request) {
        Optional<HeldMessage> hold = store.byId(id);
        return hold.isEmpty() ? new Result(Outcome.UNKNOWN, hold) : actOn(hold.get(), request);
    }

    /** True when sending this hold as it is needs a reason (a BSN, special-category data, a new recipient). */
    public static boolean reasonRequired(HeldMessage hold) {
        return hold.details().findings().stream().filter(f -> !"true".equals(f.details().get("learning")))
                .anyMatch(f -> REASON_REQUIRED.stream().anyMatch(r -> r.name().equals(f.code())));
    }

    /** True when "send without these attachments" is offered: unsigned mail with attachments known by part id. */
    public static boolean canWithholdAttachments(HeldMessage hold) {
        return WithoutAttachments.possible(hold);
    }

    /** The detector's suggestion for each misdirected recipient (lower-case recipient to suggested address). */
    public static Map<String, String> suggestions(HeldMessage hold) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String r : hold.recipients()) {
            RecipientReplacement.suggestionsFor(hold, r).stream().findFirst()
                    .ifPresent(s -> out.put(r.toLowerCase(java.util.Locale.ROOT), s));
        }
        return out;
    }

    /**
     * True when personal data that needs a reason is somewhere other than an attachment that can be
     * withheld (a new recipient only needs one while the personal data goes along, so it does not count).
     */
    public static boolean reasonRequiredBesidesAttachments(HeldMessage hold) {
        java.util.Set<String> parts = new java.util.HashSet<>();
        hold.details().attachments().forEach(a -> parts.add(a.partId()));
        return hold.details().findings().stream().filter(f -> !"true".equals(f.details().get("learning")))
                .filter(f -> f.code().equals("BSN") || f.code().equals("SPECIAL_CATEGORY"))
                .anyMatch(f -> f.part().isEmpty() || !parts.contains(f.part()));
    }

    private Result actOn(HeldMessage hold, Request request) {
        Instant now = clock.instant();
        if (!hold.isPending()) {
            return new Result(Outcome.ALREADY_DECIDED, Optional.of(hold));
        }
        if (hold.isExpiredAt(now)) {
            return new Result(Outcome.EXPIRED, Optional.of(hold));
        }
        Correction correction = corrections.get(request.action());
        if (correction != null) {
            return corrected(hold, request, correction.plan(hold, request), now);
        }
        boolean sends = request.action().sends();
        if (sends && reasonRequired(hold) && request.reason().isEmpty()) {
            return new Result(Outcome.REASON_REQUIRED, Optional.of(hold));
        }
        Set<FindingCode> overridden = sends ? overridden(hold, request.action()) : Set.of();
        List<HoldStore.NewJob> jobs = new ArrayList<>();
        if (sends) {
            String rewrite = request.action() == HoldAction.SEND_BCC ? DeliveryJob.BCC_REWRITE : DeliveryJob.NO_REWRITE;
            jobs.add(release(hold, hold.recipients(), rewrite, now));
        }
        return commit(hold, request, sends ? HoldStatus.RELEASED : HoldStatus.CANCELLED, "", overridden, jobs,
                null, now);
    }

    /** A correction: rewrite, screen again, and seal the result in place of the original with the decision. */
    private Result corrected(HeldMessage hold, Request request, Correction.Plan plan, Instant now) {
        if (plan.problem().isPresent()) {
            return new Result(plan.problem().get(), Optional.of(hold));
        }
        if (plan.recipients().isEmpty()) {
            // nobody left to send to: the same as not sending
            return commit(hold, request, HoldStatus.CANCELLED, plan.audit() + "; nothing left to send", Set.of(),
                    List.of(), null, now);
        }
        CorrectedMessage.Result result;
        try {
            result = correcting.apply(hold, plan);
        } catch (IOException | RuntimeException e) {
            log.error("hold={} could not be corrected ({}): {}", hold.id(), request.action().formValue(), e.toString(), e);
            return new Result(Outcome.FAILED, Optional.of(hold));
        }
        if (!result.withheld().equals(plan.withheld())) {
            return new Result(Outcome.CHOOSE_ATTACHMENT, Optional.of(hold));
        }
        Verdict verdict = result.screened().verdict();
        if (verdict.action() == Verdict.Action.REJECT) {
            return new Result(Outcome.REFUSED, Optional.of(hold));
        }
        Set<FindingCode> remaining = EnumSet.noneOf(FindingCode.class);
        if (verdict.action() != Verdict.Action.DELIVER || verdict.openIncident()) {
            verdict.findings().stream().filter(f -> !"true".equals(f.details().get(Finding.DETAIL_LEARNING)))
                    .forEach(f -> remaining.add(f.code()));
        }
        if (remaining.stream().anyMatch(REASON_REQUIRED::contains) && request.reason().isEmpty()) {
            return new Result(Outcome.REASON_REQUIRED, Optional.of(hold));
        }
        String screened = "screened again: " + (remaining.isEmpty() ? "clean"
                : remaining.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse(""));
        return commit(hold, request, HoldStatus.RELEASED, plan.audit() + "; " + screened, remaining,
                List.of(release(hold, plan.recipients(), DeliveryJob.NO_REWRITE, now)), result.content(), now);
    }

    private static HoldStore.NewJob release(HeldMessage hold, List<String> recipients, String rewrite, Instant now) {
        return new HoldStore.NewJob(new DeliveryJob(UUID.randomUUID().toString(), DeliveryJob.Kind.RELEASE,
                hold.id(), hold.id(), rewrite, hold.sender(), recipients, 0, now), now, null);
    }

    /** Records the decision with its audit events, jobs and (for a correction) the new content, atomically. */
    private Result commit(HeldMessage hold, Request request, HoldStatus status, String changed,
                          Set<FindingCode> overridden, List<HoldStore.NewJob> jobs, byte[] content, Instant now) {
        String action = request.action().formValue();
        List<AuditEvent> events = new ArrayList<>();
        events.add(new AuditEvent(hold.id(), now, request.actor(), AuditEvent.DECIDED, "action=" + action
                + (changed.isEmpty() ? "" : "; " + changed)
                + (request.reason().isEmpty() ? "" : "; reason=" + request.reason())));
        if (!overridden.isEmpty()) {
            events.add(new AuditEvent(hold.id(), now, request.actor(), AuditEvent.OVERRIDE, "codes="
                    + overridden.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("")
                    + (request.reason().isEmpty() ? "" : "; reason=" + request.reason())));
        }
        HoldStore.Decision decision = new HoldStore.Decision(hold.id(), status, now, request.actor(), action,
                request.reason().isEmpty() ? null : request.reason(),
                content == null ? null : cipher.seal(hold.id(), content), content == null ? -1 : content.length)
                .leaving(nearMisses.ended(hold, status, action));
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
    private static Set<FindingCode> overridden(HeldMessage hold, HoldAction action) {
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
            codes.add(code);
        }
        return codes;
    }
}
