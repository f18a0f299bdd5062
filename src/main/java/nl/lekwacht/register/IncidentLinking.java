package nl.lekwacht.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.lekwacht.hold.HeldMessage;
import nl.lekwacht.hold.HoldStatus;
import nl.lekwacht.hold.HoldStore;

/**
 * Links a report (from a resident or staff, or typed in) to the outgoing message it is about. It
 * searches only what the gateway already keeps of messages (the incidents Lekwacht opened for mail
 * that went out, and released holds), never a log of all outgoing mail. Linking keeps both incidents: the report's is
 * marked as merged into the message's, whose trail then shows both, and whose deadline follows the
 * earlier discovery. Every link and unlink is audited on both; unlinking puts the discovery time back.
 */
public final class IncidentLinking {

    /** Candidates shown at most: a search that finds more should be narrowed, not paged through. */
    static final int MAX_CANDIDATES = 50;

    /**
     * What the privacy officer searches by; blank parts match everything.
     *
     * @param from    sent at or after
     * @param until   sent before
     * @param domain  a recipient domain, e.g. {@code gmail.com}
     * @param subject part of the subject, any case
     */
    public record Search(Optional<Instant> from, Optional<Instant> until, String domain, String subject) {
        public Search {
            domain = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
            subject = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Holds taken without an incident whose message went out after all: released, as sent or corrected. */
    public interface SentHolds {
        SentHolds NONE = new SentHolds() {
            @Override
            public List<HeldMessage> released(int limit) {
                return List.of();
            }

            @Override
            public Optional<HeldMessage> byId(String id) {
                return Optional.empty();
            }
        };

        /** The released holds of a hold store. */
        static SentHolds in(HoldStore store) {
            return new SentHolds() {
                @Override
                public List<HeldMessage> released(int limit) {
                    return store.withStatus(HoldStatus.RELEASED, limit);
                }

                @Override
                public Optional<HeldMessage> byId(String id) {
                    return store.byId(id);
                }
            };
        }

        /** Released holds, newest first, at most {@code limit}. */
        List<HeldMessage> released(int limit);

        Optional<HeldMessage> byId(String id);
    }

    /**
     * A message a report may be about: an incident the register opened for it, or a released hold.
     *
     * @param target {@code i:<incident id>} or {@code h:<hold id>}, what {@link #link} takes
     */
    public record Candidate(String target, String reference, Instant sentAt, String subject, List<String> domains) {
        public boolean isHold() {
            return target.startsWith("h:");
        }
    }

    /** Released holds read for a search, at most: the store is asked for the newest. */
    private static final int HOLDS_SEARCHED = 2_000;

    private final IncidentStore store;
    private final IncidentEditing editing;
    private final IncidentOpening opening;
    private final Clock clock;
    private final SentHolds holds;
    private final Function<HeldMessage, MessageFacts> holdFacts;

    IncidentLinking(IncidentStore store, IncidentEditing editing, IncidentOpening opening, Clock clock,
                    SentHolds holds, Function<HeldMessage, MessageFacts> holdFacts) {
        this.store = store;
        this.editing = editing;
        this.opening = opening;
        this.clock = clock;
        this.holds = holds;
        this.holdFacts = holdFacts;
    }

    /** Messages a report may be about, most recent first: message incidents, then released holds without one. */
    public List<Candidate> candidates(long reportId, Search search) {
        Set<Long> merged = mergedSources();
        List<Incident> incidents = store.list(Optional.empty()).stream()
                .filter(i -> i.id() != reportId && i.message().isPresent() && !merged.contains(i.id())).toList();
        Set<String> holdsWithIncident = incidents.stream().map(i -> i.message().get().holdId())
                .filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        List<Candidate> found = new ArrayList<>();
        incidents.stream().filter(i -> matches(i.message().get(), search)).forEach(i -> found.add(new Candidate(
                "i:" + i.id(), i.reference(), i.message().get().sentAt(), i.message().get().subject(),
                i.message().get().recipientDomains())));
        holds.released(HOLDS_SEARCHED).stream().filter(h -> !holdsWithIncident.contains(h.id()))
                .map(h -> Map.entry(h, holdFacts.apply(h))).filter(e -> matches(e.getValue(), search))
                .forEach(e -> found.add(new Candidate("h:" + e.getKey().id(), e.getKey().id(),
                        e.getKey().decidedAt().orElse(e.getValue().sentAt()), e.getValue().subject(),
                        e.getValue().recipientDomains())));
        return found.stream().sorted(Comparator.comparing(Candidate::sentAt,
                Comparator.nullsLast(Comparator.reverseOrder()))).limit(MAX_CANDIDATES).toList();
    }

    /**
     * Links to a candidate's {@link Candidate#target()}; a released hold first gets the incident of its
     * message (source: the report's), which the report then merges into.
     */
    public Incident link(long reportId, String target, String actor) {
        if (target.startsWith("h:")) {
            Incident report = require(reportId);
            HeldMessage hold = holds.byId(target.substring(2)).filter(h -> h.status() == HoldStatus.RELEASED)
                    .orElseThrow(() -> new WorkflowException(List.of("link.no-incident")));
            Incident message = opening.openForMessage(report.origin(), holdFacts.apply(hold), actor).incident();
            return link(reportId, message.id(), actor);
        }
        try {
            return link(reportId, Long.parseLong(target.startsWith("i:") ? target.substring(2) : target), actor);
        } catch (NumberFormatException e) {
            throw new WorkflowException(List.of("link.no-incident"));
        }
    }

    private boolean matches(MessageFacts m, Search search) {
        Instant sent = m.sentAt();
        if (search.from().isPresent() && (sent == null || sent.isBefore(search.from().get()))) {
            return false;
        }
        if (search.until().isPresent() && (sent == null || !sent.isBefore(search.until().get()))) {
            return false;
        }
        if (!search.domain().isEmpty() && m.recipientDomains().stream().noneMatch(d -> d.equals(search.domain())
                || d.endsWith("." + search.domain()))) {
            return false;
        }
        return search.subject().isEmpty() || m.subject().toLowerCase(Locale.ROOT).contains(search.subject());
    }

    /**
     * Merges the report's incident into the message's.
     *
     * @throws WorkflowException when either is not what a link needs, or the report is already linked
     */
    public Incident link(long reportId, long messageIncidentId, String actor) {
        Incident report = require(reportId);
        Incident message = require(messageIncidentId);
        if (report.message().isPresent() || message.message().isEmpty() || reportId == messageIncidentId) {
            throw new WorkflowException(List.of("link.not-a-report-and-message"));
        }
        if (mergedInto(messageIncidentId).isPresent()) {
            throw new WorkflowException(List.of("link.target-merged"));
        }
        Instant now = clock.instant();
        String before = message.answers().get(Field.DISCOVERED_AT);
        boolean linked = store.merge(new IncidentStore.Merge(reportId, messageIncidentId, before, now, actor), List.of(
                new AuditEntry(reportId, now, actor, "merged-into", "", message.reference()),
                new AuditEntry(messageIncidentId, now, actor, "merged-from", "", report.reference())));
        if (!linked) {
            throw new WorkflowException(List.of("link.already"));
        }
        Optional<Instant> reported = report.answers().instant(Field.DISCOVERED_AT);
        Optional<Instant> known = message.answers().instant(Field.DISCOVERED_AT);
        if (reported.isPresent() && (known.isEmpty() || reported.get().isBefore(known.get()))) {
            // the 72 hours run from the first time the organisation knew, whichever way it learned
            return editing.edit(messageIncidentId, Map.of(Field.DISCOVERED_AT, reported.get().toString()), Set.of(),
                    actor);
        }
        return store.find(messageIncidentId).orElseThrow();
    }

    /**
     * Undoes a link: both incidents stand alone again, and the message incident's discovery time goes
     * back to what it was, unless someone changed it since.
     *
     * @throws WorkflowException when the incident is not merged into another
     */
    public Incident unlink(long reportId, String actor) {
        IncidentStore.Merge merge = store.merges().stream().filter(m -> m.incidentId() == reportId).findFirst()
                .orElseThrow(() -> new WorkflowException(List.of("link.not-linked")));
        Incident report = require(reportId);
        Incident message = require(merge.intoId());
        Instant now = clock.instant();
        boolean undone = store.unmerge(reportId, List.of(
                new AuditEntry(reportId, now, actor, "merged-into", message.reference(), ""),
                new AuditEntry(message.id(), now, actor, "merged-from", report.reference(), "")));
        if (!undone) {
            throw new WorkflowException(List.of("link.not-linked"));
        }
        String current = message.answers().get(Field.DISCOVERED_AT);
        if (!merge.discoveredBefore().equals(current)
                && current.equals(report.answers().get(Field.DISCOVERED_AT))) {
            editing.edit(message.id(), Map.of(Field.DISCOVERED_AT, merge.discoveredBefore()), Set.of(), actor);
        }
        return require(reportId);
    }

    /** The incident {@code id} is merged into, if any. */
    public Optional<Long> mergedInto(long id) {
        return store.merges().stream().filter(m -> m.incidentId() == id).map(IncidentStore.Merge::intoId).findFirst();
    }

    /** The incidents merged into {@code id}. */
    public List<Long> mergedFrom(long id) {
        return store.merges().stream().filter(m -> m.intoId() == id).map(IncidentStore.Merge::incidentId).toList();
    }

    Set<Long> mergedSources() {
        return store.merges().stream().map(IncidentStore.Merge::incidentId).collect(java.util.stream.Collectors.toSet());
    }

    private Incident require(long id) {
        return store.find(id).orElseThrow(() -> new WorkflowException(List.of("link.no-incident")));
    }
}
