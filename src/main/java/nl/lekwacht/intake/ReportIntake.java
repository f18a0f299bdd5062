package nl.lekwacht.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import nl.lekwacht.config.RegisterConfig;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.IncidentOpening;
import nl.lekwacht.register.Origin;
import nl.lekwacht.register.ReportFacts;
import nl.lekwacht.login.ThrottleStore;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Files reports from the report forms. In this order: a filled honeypot is answered as if accepted
 * and nothing is stored or counted; every answer is checked against the size limits and its kind
 * (nothing is stored when one fails); then the client address's counter in the store must be under
 * {@code report-limit} for {@code report-window}. An accepted report opens exactly one incident in
 * state Nieuw (its origin tells the source, the answers verbatim form the sender statement), keeps
 * the report with the contact details apart ({@link ReportStore}), and asks {@link Confirmations} to
 * mail the reporter when they gave an address. The privacy officer is told by the register's announcer.
 * Thread-safe.
 */
public final class ReportIntake {

    /** The form field that people never see and robots fill in. */
    public static final String HONEYPOT = "website";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    /** The window of {@code register.report-hourly-limit}; the counter sweep keeps at least this much. */
    public static final Duration HOUR = Duration.ofHours(1);

    private static final String ALL_CLIENTS = "report-all";

    /** What became of a report. */
    public sealed interface Outcome {
        /** Stored as {@code incident}. */
        record Accepted(Incident incident) implements Outcome { }

        /** The honeypot was filled: shown as accepted, nothing stored. */
        record Ignored() implements Outcome { }

        /**
         * Refused; {@code problem} is {@code too-long}, {@code invalid}, {@code missing}, {@code rate} (this
         * address, or its IPv6 /64, sent too many) or {@code busy} (all addresses together sent more than
         * the hourly cap).
         */
        record Refused(String problem, List<String> fields) implements Outcome { }
    }

    private final IncidentOpening opening;
    private final ReportStore reports;
    private final ThrottleStore throttle;
    private final Confirmations confirmations;
    private final RegisterConfig.Intake limits;
    private final Clock clock;

    public ReportIntake(IncidentOpening opening, ReportStore reports, ThrottleStore throttle,
                        Confirmations confirmations, RegisterConfig.Intake limits, Clock clock) {
        this.opening = opening;
        this.reports = reports;
        this.throttle = throttle;
        this.confirmations = confirmations;
        this.limits = limits;
        this.clock = clock;
    }

    public RegisterConfig.Intake limits() {
        return limits;
    }

    /**
     * Files the report in {@code form} (field name to value).
     *
     * @param origin   {@link Origin#RESIDENT} or {@link Origin#STAFF}
     * @param client   the client's address as text, for the rate limit (only a hash is stored)
     * @param reporter the staff member's login name, or empty
     */
    public Outcome submit(Origin origin, Map<String, String> form, String client, String reporter) {
        if (!value(form, HONEYPOT).isEmpty()) {
            return new Outcome.Ignored();
        }
        List<String> tooLong = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Map<Question, String> answers = new EnumMap<>(Question.class);
        for (Question q : Question.of(origin == Origin.STAFF)) {
            String v = value(form, q.key());
            int max = q.kind() == Question.Kind.TEXT ? limits.textChars() : limits.lineChars();
            if (v.length() > max) {
                tooLong.add(q.key());
            } else if (q.kind() == Question.Kind.YES_NO && !v.isEmpty() && !Question.YES_NO_ANSWERS.contains(v)) {
                invalid.add(q.key());
            } else if (!v.isEmpty()) {
                answers.put(q, v);
            }
        }
        String phone = value(form, PHONE);
        String email = value(form, EMAIL);
        if (phone.length() > limits.lineChars()) {
            tooLong.add(PHONE);
        } else if (!phone.isEmpty() && !phone.matches("[0-9+()\\- .]{6,40}")) {
            invalid.add(PHONE);
        }
        if (email.length() > limits.lineChars()) {
            tooLong.add(EMAIL);
        } else if (!email.isEmpty() && !EmailValidator.getInstance().isValid(email)) {
            invalid.add(EMAIL);
        }
        if (!tooLong.isEmpty()) {
            return new Outcome.Refused("too-long", tooLong);
        }
        if (!invalid.isEmpty()) {
            return new Outcome.Refused("invalid", invalid);
        }
        List<String> missing = Question.of(origin == Origin.STAFF).stream()
                .filter(q -> q.required() && !answers.containsKey(q)).map(Question::key).toList();
        if (!missing.isEmpty()) {
            return new Outcome.Refused("missing", missing);
        }
        Instant now = clock.instant();
        String counter = "report-client:" + Digest.sha256(ClientPrefix.of(client));
        if (throttle.countSince(counter, now.minus(limits.reportWindow())) >= limits.reportLimit()) {
            return new Outcome.Refused("rate", List.of());
        }
        // the cap over all addresses: a botnet's many addresses cannot fill the register either
        if (throttle.countSince(ALL_CLIENTS, now.minus(HOUR)) >= limits.hourlyLimit()) {
            return new Outcome.Refused("busy", List.of());
        }
        throttle.record(counter, now);
        throttle.record(ALL_CLIENTS, now);
        Map<Field, String> values = new LinkedHashMap<>();
        values.put(Field.SENDER_STATEMENT, statement(answers));
        String actor = reporter.isEmpty() ? origin.source() : reporter;
        Incident incident = opening.openReport(facts(origin, answers), values, actor);
        reports.save(new Report(incident.id(), origin, answers, phone, email, reporter, now));
        if (!email.isEmpty()) {
            confirmations.confirm(email, incident.reference());
        }
        return new Outcome.Accepted(incident);
    }

    /**
     * The answers as the register shows them: each question followed by the answer as given, a yes/no
     * answer in Dutch words (the register keeps Dutch).
     */
    static String statement(Map<Question, String> answers) {
        StringBuilder text = new StringBuilder();
        answers.forEach((q, v) -> {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(q.label()).append('\n').append(q.kind() == Question.Kind.YES_NO ? Question.dutchAnswer(v) : v);
        });
        return text.toString();
    }

    /** What the register derives the AP form from: the words and the yes answers. */
    static ReportFacts facts(Origin origin, Map<Question, String> answers) {
        java.util.function.Predicate<Question> yes = q -> "yes".equals(answers.get(q));
        String count = answers.getOrDefault(Question.PEOPLE_COUNT, "").strip();
        OptionalInt people = count.matches("\\D{0,20}\\d{1,7}\\D{0,40}")
                ? OptionalInt.of(Integer.parseInt(count.replaceAll("\\D", ""))) : OptionalInt.empty();
        return new ReportFacts(origin, answers.getOrDefault(Question.WHAT_HAPPENED, ""),
                answers.getOrDefault(Question.WHICH_DATA, ""), answers.getOrDefault(Question.RECIPIENTS, ""),
                yes.test(Question.MISDELIVERED_POST), yes.test(Question.RECEIVED_OTHERS_DATA),
                yes.test(Question.OWN_DATA_RECEIVED), yes.test(Question.DATA_LOST), yes.test(Question.DATA_BACK),
                people, answers.getOrDefault(Question.ACTIONS_TAKEN, ""));
    }

    private static String value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }
}
