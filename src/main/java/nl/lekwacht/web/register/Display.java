package nl.lekwacht.web.register;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.register.Answers;
import nl.lekwacht.register.Assessment;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.Origin;
import nl.lekwacht.register.Status;
import nl.lekwacht.text.Texts;

/**
 * Turns register values into words and dates for one page, in one language and time zone. Templates
 * escape what it returns. Immutable.
 */
public final class Display {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Texts texts;
    private final ZoneId zone;
    private final Instant now;

    public Display(Texts texts, ZoneId zone, Instant now) {
        this.texts = texts;
        this.zone = zone;
        this.now = now;
    }

    public Texts t() {
        return texts;
    }

    public String get(String key) {
        return texts.get(key);
    }

    public String format(String key, Object... arguments) {
        return texts.format(key, arguments);
    }

    public String label(Field field) {
        return texts.get("field." + field.name());
    }

    /**
     * The label of {@code field} on {@code incident}: a report's statement is the reporter's, not a
     * sender's.
     */
    public String label(Field field, Incident incident) {
        String reportKey = "field." + field.name() + ".report";
        boolean report = incident != null
                && (incident.origin() == Origin.RESIDENT || incident.origin() == Origin.STAFF);
        return report && texts.has(reportKey) ? texts.get(reportKey) : label(field);
    }

    /** The source in words: gateway, resident, staff or entered by hand. */
    public String source(Origin origin) {
        return texts.get("source." + switch (origin) {
            case RESIDENT -> "resident";
            case STAFF -> "staff";
            case MANUAL -> "manual";
            default -> "gateway";
        });
    }

    /** Why an incident has no message: a resident's or staff report, or entered by hand. */
    public String noMessage(Origin origin) {
        String key = "register.msg.none." + origin.name();
        return texts.has(key) ? texts.get(key) : texts.get("register.msg.none");
    }

    /** A finding code in words ({@code BSN} becomes "Burgerservicenummer (BSN)"); unknown codes as they are. */
    public String finding(String code) {
        return texts.has("finding." + code) ? texts.get("finding." + code) : code;
    }

    /** An audit entry's field in words: a form field's label, else the event as stored. */
    public String auditField(String field) {
        return Field.byKey(field).map(this::label).orElse(texts.has("audit." + field) ? texts.get("audit." + field)
                : field);
    }

    /** An audit value in words where it is a code (an origin, a status, choices); else as stored. */
    public String auditValue(String value) {
        if (value.matches("[A-Z_]+(,[A-Z_]+)*") && java.util.Arrays.stream(value.split(","))
                .allMatch(v -> texts.has("choice." + v))) {
            return String.join(", ", java.util.Arrays.stream(value.split(",")).map(this::choice).toList());
        }
        if (value.equals("confirmed")) {
            return texts.get("audit.confirmed");
        }
        for (Origin o : Origin.values()) {
            if (o.name().toLowerCase(java.util.Locale.ROOT).equals(value)) {
                return origin(o);
            }
        }
        for (Status s : Status.values()) {
            if (s.name().equals(value)) {
                return status(s);
            }
        }
        return value;
    }

    /** Who made an audit entry: a login name, or the source in words for a report's anonymous reporter. */
    public String actor(String actor) {
        return switch (actor) {
            case "resident" -> texts.get("source.resident");
            case "staff" -> texts.get("source.staff");
            default -> actor;
        };
    }

    public String section(Field.Section section) {
        return texts.get("section." + section.name());
    }

    public String status(Status status) {
        return texts.get("status." + status.name());
    }

    public String origin(Origin origin) {
        return texts.get("origin." + origin.name());
    }

    public String choice(String name) {
        return texts.has("choice." + name) ? texts.get("choice." + name) : name;
    }

    /** An answer as people read it: choices in words, times in the local zone; empty when unanswered. */
    public String value(Field field, Answers answers) {
        return switch (field.type()) {
            case CHOICE, MULTI -> String.join(", ", answers.list(field).stream().map(this::choice).toList());
            case INSTANT -> answers.instant(field).map(this::instant).orElse(answers.get(field));
            default -> answers.get(field);
        };
    }

    public String instant(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }

    public String instant(Optional<Instant> instant) {
        return instant.map(this::instant).orElse("");
    }

    /** The value of a {@code datetime-local} input for an instant field. */
    public String inputValue(Field field, Answers answers) {
        if (field.type() == Field.Type.INSTANT) {
            return answers.instant(field).map(i -> INPUT.format(i.atZone(zone))).orElse("");
        }
        return answers.get(field);
    }

    /** Reads a {@code datetime-local} value back as an instant string; blank stays blank. */
    public static String fromInput(String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return "";
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(local.strip()).toString();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("not a date and time: " + local);
            }
        }
    }

    public boolean selected(Field field, Answers answers, String choice) {
        return answers.list(field).contains(choice);
    }

    /** Hours left to the deadline (negative when past), or the word for a decided incident. */
    public String timeLeft(Incident incident) {
        if (!incident.status().awaitsDecision() || incident.deadline().isEmpty()) {
            return texts.get("register.left.done");
        }
        long hours = Duration.between(now, incident.deadline().get()).toHours();
        return texts.format("register.left.hours", hours);
    }

    public boolean overdue(Incident incident) {
        return incident.overdueAt(now);
    }

    public String reason(Assessment.Reason reason) {
        return texts.format(reason.key(), reason.argument());
    }

    /** What the list shows as the incident's title: the message's subject, else the summary. */
    public String title(Incident incident) {
        String subject = incident.message().map(m -> m.subject()).orElse("");
        String text = subject.isBlank() ? incident.answers().get(Field.SUMMARY) : subject;
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    public List<Field> fields(Field.Section section) {
        return Field.of(section);
    }

    public List<Field.Section> sections() {
        return List.of(Field.Section.values());
    }

    /** Text fields that take one line; others get a text area. */
    public boolean shortText(Field field) {
        return field == Field.AP_REFERENCE || field == Field.NOT_REPORTED_APPROVED_BY
                || field == Field.RECIPIENT_DOMAINS || field == Field.SUBJECTS_INFORMED_HOW;
    }
}
