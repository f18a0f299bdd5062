package nl.lekwacht.hold;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Finds holds for the pages: by link token (recording views), by id, the pending ones. Thread-safe. */
public final class HoldLookup {

    private final HoldStore store;
    private final HoldAudit audit;
    private final Clock clock;

    HoldLookup(HoldStore store, HoldAudit audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A hold reached by a link, and who acts through it.
     *
     * @param actor {@link HoldDecisions#LINK_ACTOR} for the sender's links, the delegate's address for theirs
     */
    public record Linked(HeldMessage hold, String actor) {
        /** The link was made for the delegate ({@code hold.escalate-to}), not for the sender. */
        public boolean byDelegate() {
            return !actor.equals(HoldDecisions.LINK_ACTOR);
        }
    }

    /** The hold behind a link, recording the view; empty for an unknown or malformed token. */
    public Optional<Linked> view(String token) {
        Optional<Linked> linked = find(token);
        linked.ifPresent(l -> audit.audit(new AuditEvent(l.hold().id(), clock.instant(), l.actor(),
                AuditEvent.VIEWED, "status=" + l.hold().status())));
        return linked;
    }

    /**
     * The hold behind a link without recording anything (for the form's checks): its first link, the
     * reminder's or the delegate's.
     */
    public Optional<Linked> find(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.linkByTokenHash(LinkTokens.hash(token)).flatMap(link -> store.byId(link.holdId())
                .map(hold -> new Linked(hold, link.holder().equals(HoldStore.Link.SENDER) ? HoldDecisions.LINK_ACTOR
                        : link.holder())));
    }

    public Optional<HeldMessage> byId(String id) {
        return store.byId(id);
    }

    public List<HeldMessage> pending(int limit) {
        return store.pending(limit);
    }

    /** Holds in {@code status}, newest first. */
    public List<HeldMessage> withStatus(HoldStatus status, int limit) {
        return store.withStatus(status, limit);
    }

    /** Holds whose content the configured keys cannot open, newest first. */
    public List<HeldMessage> unreadable(int limit) {
        return store.withStatus(HoldStatus.UNREADABLE, limit);
    }

    public List<AuditEvent> auditTrail(String holdId) {
        return audit.auditTrail(holdId);
    }
}
