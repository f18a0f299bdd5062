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

    /** The hold behind a link, recording the view; empty for an unknown or malformed token. */
    public Optional<HeldMessage> view(String token) {
        Optional<HeldMessage> hold = find(token);
        hold.ifPresent(h -> audit.audit(new AuditEvent(h.id(), clock.instant(), HoldDecisions.LINK_ACTOR,
                AuditEvent.VIEWED, "status=" + h.status())));
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

    /** Holds whose content the configured keys cannot open, newest first. */
    public List<HeldMessage> unreadable(int limit) {
        return store.withStatus(HoldStatus.UNREADABLE, limit);
    }

    public List<AuditEvent> auditTrail(String holdId) {
        return audit.auditTrail(holdId);
    }
}
