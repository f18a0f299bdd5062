package nl.lekwacht.register;

import java.time.Clock;

/**
 * The breach register, by job: opening incidents, editing them and moving them through the workflow,
 * the senders' report links, and reading. Every change is written to the audit trail. Thread-safe; all
 * state is in the store.
 */
public record IncidentRegister(IncidentOpening opening, IncidentEditing editing, ReportLinks links,
                               IncidentQueries queries, IncidentLinking linking) {

    /** The actor of changes Lekwacht makes itself. */
    public static final String SYSTEM = "lekwacht";

    /** The same register, whose linking also searches {@code holds} (their facts made by {@code facts}). */
    IncidentRegister searchingHolds(IncidentStore store, Clock clock, IncidentLinking.SentHolds holds,
                                    java.util.function.Function<nl.lekwacht.hold.HeldMessage, MessageFacts> facts) {
        return new IncidentRegister(opening, editing, links, queries,
                new IncidentLinking(store, editing, opening, clock, holds, facts));
    }

    public static IncidentRegister over(IncidentStore store, FormDerivation derivation, SeverityEstimate severity,
                                        Workflow workflow, Clock clock) {
        return over(store, derivation, severity, workflow, clock, Announcer.NONE);
    }

    /** @param announcer told of each incident Lekwacht opens by itself */
    public static IncidentRegister over(IncidentStore store, FormDerivation derivation, SeverityEstimate severity,
                                        Workflow workflow, Clock clock, Announcer announcer) {
        return over(store, derivation, severity, workflow, clock, announcer, SlipConfirmed.NONE);
    }

    /** @param slips told when a message that went out is known to have reached the wrong people */
    public static IncidentRegister over(IncidentStore store, FormDerivation derivation, SeverityEstimate severity,
                                        Workflow workflow, Clock clock, Announcer announcer, SlipConfirmed slips) {
        IncidentOpening opening = new IncidentOpening(store, derivation, clock, announcer);
        IncidentEditing editing = new IncidentEditing(store, derivation, workflow, clock, slips);
        return new IncidentRegister(opening, editing, new ReportLinks(store, opening, clock, slips),
                new IncidentQueries(store, severity, workflow, clock), new IncidentLinking(store, editing, opening, clock,
                IncidentLinking.SentHolds.NONE, hold -> { throw new IllegalStateException("no holds"); }));
    }
}
