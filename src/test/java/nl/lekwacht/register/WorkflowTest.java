package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.support.MovableClock;
import org.junit.jupiter.api.Test;

/** Worked examples of the workflow moves and of the audit entries each change leaves. */
class WorkflowTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final MovableClock clock = new MovableClock(T0);
    private final IncidentRegister register = IncidentRegister.over(store, new FormDerivation(
            new OrganisationConfig(List.of("gemeente.example"), OrganisationConfig.DEFAULT_CONSUMER_DOMAINS,
                    List.of("partner.example")), 72, new SeverityEstimate()), new SeverityEstimate(), new Workflow(), clock);

    static MessageFacts bsnMessage(String queueId, String messageId) {
        return new MessageFacts(queueId, "", messageId, "a.jansen@gemeente.example", "Uw aanvraag",
                List.of("gmail.com"), 1, List.of(new MessageFacts.FindingFact("BSN", "HIGH", "body", 2,
                List.of("*****2333", "*****4445"), "")), T0.minusSeconds(5));
    }

    private long manual() {
        return register.opening().openManual(Map.of(Field.KIND, "LOST_DEVICE", Field.SUMMARY, "Laptop kwijt in de trein"),
                "fg").id();
    }

    @Test
    void happyPathToReportedAndClosedWithAuditOfEachStep() {
        long id = manual();
        clock.advance(Duration.ofHours(1));
        register.editing().move(id, Status.IN_PROGRESS, "", "fg");
        register.editing().edit(id, Map.of(Field.AP_REPORTED_AT, "2026-03-03T10:00:00Z", Field.AP_REFERENCE, "M123456"),
                Set.of(), "fg");
        register.editing().move(id, Status.REPORTED, "", "fg");
        Incident closed = register.editing().move(id, Status.CLOSED, "", "fg");
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        List<AuditEntry> statusMoves = register.queries().audit(id).stream().filter(e -> e.field().equals("status")).toList();
        assertThat(statusMoves).extracting(AuditEntry::oldValue, AuditEntry::newValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NEW", "IN_PROGRESS"),
                org.assertj.core.groups.Tuple.tuple("IN_PROGRESS", "REPORTED"),
                org.assertj.core.groups.Tuple.tuple("REPORTED", "CLOSED"));
        assertThat(statusMoves).allMatch(e -> e.actor().equals("fg") && e.at().equals(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void reportedNeedsTheApDateAndMeldingsnummer() {
        long id = manual();
        register.editing().move(id, Status.IN_PROGRESS, "", "fg");
        assertThatThrownBy(() -> register.editing().move(id, Status.REPORTED, "", "fg"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.problems())
                        .containsExactly("workflow.needs-ap-reported-at", "workflow.needs-ap-reference"));
    }

    @Test
    void reportedAfterTheDeadlineNeedsTheReasonForTheLateNotificationFirst() {
        long id = manual();
        register.editing().move(id, Status.IN_PROGRESS, "", "fg");
        clock.advance(Duration.ofHours(73));
        register.editing().edit(id, Map.of(Field.AP_REPORTED_AT, clock.instant().toString(), Field.AP_REFERENCE,
                "M123456"), Set.of(), "fg");
        assertThatThrownBy(() -> register.editing().move(id, Status.REPORTED, "", "fg"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.problems())
                        .containsExactly("workflow.needs-late-reason"));
        register.editing().edit(id, Map.of(Field.LATE_REASON, "Pas na het weekend bleek wat de bijlage bevatte"),
                Set.of(), "fg");
        assertThat(register.editing().move(id, Status.REPORTED, "", "fg").status()).isEqualTo(Status.REPORTED);
    }

    @Test
    void reportedInTimeButRecordedLateNeedsNoReason() {
        long id = manual();
        register.editing().move(id, Status.IN_PROGRESS, "", "fg");
        register.editing().edit(id, Map.of(Field.AP_REPORTED_AT, T0.plus(Duration.ofHours(71)).toString(),
                Field.AP_REFERENCE, "M123456"), Set.of(), "fg");
        clock.advance(Duration.ofHours(100));
        assertThat(register.editing().move(id, Status.REPORTED, "", "fg").status()).isEqualTo(Status.REPORTED);
    }

    @Test
    void notReportedNeedsReasonAndApprover() {
        long id = manual();
        register.editing().move(id, Status.IN_PROGRESS, "", "fg");
        assertThatThrownBy(() -> register.editing().move(id, Status.NOT_REPORTED, "", "fg"))
                .isInstanceOf(WorkflowException.class);
        register.editing().edit(id, Map.of(Field.NOT_REPORTED_REASON, "Versleuteld, sleutel niet gelekt",
                Field.NOT_REPORTED_APPROVED_BY, "J. de Vries (FG)"), Set.of(), "fg");
        assertThat(register.editing().move(id, Status.NOT_REPORTED, "", "fg").status()).isEqualTo(Status.NOT_REPORTED);
    }

    @Test
    void newCannotJumpToReportedOrClosed() {
        long id = manual();
        assertThatThrownBy(() -> register.editing().move(id, Status.REPORTED, "", "fg"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.problems())
                        .containsExactly("workflow.not-allowed"));
        assertThatThrownBy(() -> register.editing().move(id, Status.CLOSED, "", "fg")).isInstanceOf(WorkflowException.class);
    }

    @Test
    void noBreachAndWithdrawnFromEveryOpenStateWithAReason() {
        for (Status from : List.of(Status.NEW, Status.IN_PROGRESS, Status.REPORTED, Status.NOT_REPORTED)) {
            for (Status to : List.of(Status.NO_BREACH, Status.WITHDRAWN)) {
                assertThat(new Workflow().next(from)).as(from + " -> " + to).contains(to);
            }
        }
        long id = manual();
        assertThatThrownBy(() -> register.editing().move(id, Status.NO_BREACH, " ", "fg")).isInstanceOf(WorkflowException.class);
        Incident withdrawn = register.editing().move(id, Status.WITHDRAWN, "Dubbel geregistreerd", "fg");
        assertThat(withdrawn.answers().get(Field.WITHDRAWAL_REASON)).isEqualTo("Dubbel geregistreerd");
        assertThat(register.queries().audit(id)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("status-reason");
            assertThat(e.newValue()).isEqualTo("Dubbel geregistreerd");
        });
    }

    @Test
    void finishedIncidentsCanBeReopened() {
        long id = manual();
        register.editing().move(id, Status.NO_BREACH, "Geen persoonsgegevens", "fg");
        assertThat(new Workflow().next(Status.NO_BREACH)).containsExactly(Status.IN_PROGRESS);
        assertThat(register.editing().move(id, Status.IN_PROGRESS, "", "fg").status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(new Workflow().next(Status.CLOSED)).containsExactly(Status.IN_PROGRESS);
    }

    @Test
    void editingADerivedAnswerAuditsOldAndNewValueAndDropsTheMark() {
        long id = register.opening().openForMessage(Origin.MONITOR, bsnMessage("Q1", "<m1@gemeente.example>"), "lekwacht")
                .incident().id();
        Incident before = register.queries().find(id).orElseThrow();
        assertThat(before.answers().isDerived(Field.PEOPLE_MIN)).isTrue();
        assertThat(before.answers().get(Field.PEOPLE_MIN)).isEqualTo("2");
        clock.advance(Duration.ofMinutes(30));
        Incident after = register.editing().edit(id, Map.of(Field.PEOPLE_MIN, "3", Field.PEOPLE_MAX, "2"),
                Set.of(Field.KIND), "fg");
        assertThat(after.answers().isDerived(Field.PEOPLE_MIN)).isFalse();
        assertThat(after.answers().isDerived(Field.PEOPLE_MAX)).isTrue(); // unchanged, not confirmed
        assertThat(after.answers().isDerived(Field.KIND)).isFalse(); // confirmed as it stood
        assertThat(register.queries().audit(id)).contains(
                new AuditEntry(id, T0.plus(Duration.ofMinutes(30)), "fg", "people-min", "2", "3"),
                new AuditEntry(id, T0.plus(Duration.ofMinutes(30)), "fg", "kind", "OTHER", "confirmed"));
    }

    @Test
    void changingTheDiscoveryMovesTheDeadlineAndAuditsIt() {
        long id = manual();
        Incident moved = register.editing().edit(id, Map.of(Field.DISCOVERED_AT, "2026-03-01T08:00:00Z"), Set.of(), "fg");
        assertThat(moved.answers().get(Field.DEADLINE_AT)).isEqualTo("2026-03-04T08:00:00Z");
        assertThat(register.queries().audit(id)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("deadline-at");
            assertThat(e.oldValue()).isEqualTo("2026-03-05T09:00:00Z");
            assertThat(e.newValue()).isEqualTo("2026-03-04T08:00:00Z");
        });
    }

    @Test
    void sameMessageOpensOneIncident() {
        var first = register.opening().openForMessage(Origin.MONITOR, bsnMessage("Q1", "<same@gemeente.example>"), "lekwacht");
        var retry = register.opening().openForMessage(Origin.MONITOR, bsnMessage("Q2", "<same@gemeente.example>"), "lekwacht");
        assertThat(first.created()).isTrue();
        assertThat(retry.created()).isFalse();
        assertThat(retry.incident().id()).isEqualTo(first.incident().id());
        assertThat(register.queries().list(Optional.empty())).hasSize(1);
    }

    @Test
    void listPutsSoonestDeadlineFirstAndMarksOverdue() {
        long late = manual();
        register.editing().edit(late, Map.of(Field.DISCOVERED_AT, "2026-02-20T08:00:00Z"), Set.of(), "fg");
        long soon = manual();
        long done = manual();
        register.editing().move(done, Status.NO_BREACH, "Geen persoonsgegevens", "fg");
        List<Incident> list = register.queries().list(Optional.empty());
        assertThat(list).extracting(Incident::id).containsExactly(late, soon, done);
        assertThat(list.get(0).overdueAt(clock.instant())).isTrue();
        assertThat(list.get(1).overdueAt(clock.instant())).isFalse();
    }
}
