package nl.lekwacht.register;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.flow.OutboxMail;
import nl.lekwacht.flow.OutboxResult;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.privacy.BsnMasking;
import nl.lekwacht.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy officer's follow-up letters about a message that went out (EDPB Guidelines 01/2021, the
 * cases of mail sent to the wrong people): a request to the wrong recipients to delete the message,
 * and the art. 34 notice to the people it is about. One letter per addressee, each screened by the
 * detectors like any outgoing mail (a letter the policy would hold is not sent), sent to the next hop,
 * written to the audit trail and to the AP form's follow-up answers. Thread-safe.
 */
public final class FollowUpLetters {

    private static final Logger log = LoggerFactory.getLogger(FollowUpLetters.class);
    private static final String ACTOR_FIELD = "follow-up-letter";
    /** What the templates leave for the privacy officer to write: a letter is not sent with one left in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(aanvullen|to be completed)[^\\]]*]");

    /** Which letter. */
    public enum Kind {
        /** To the wrong recipients: delete the message and confirm. Addressed to what the incident kept. */
        DELETE_REQUEST,
        /** To the people affected (AVG art. 34). Addresses typed in by the privacy officer. */
        SUBJECT_NOTICE;

        String key() {
            return this == DELETE_REQUEST ? "letter.delete" : "letter.notice";
        }
    }

    /**
     * @param from          the letters' From and envelope sender (the privacy officer, else the notice sender)
     * @param maxAddressees at most this many letters in one go
     */
    public record Settings(String from, int maxAddressees, ZoneId zone) {
    }

    /** A letter ready to be edited: its text filled in from the incident, and whom it may go to. */
    public record Draft(Kind kind, String language, String subject, String body, List<String> knownAddressees) {
    }

    /** What happened to one letter. */
    public record Outcome(String addressee, Result result, List<String> reasons) {
        public enum Result { SENT, REFUSED, FAILED }

        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    /** The letters could not be sent at all (no addressee, an invalid or unknown address, too many). */
    public static final class Problem extends RuntimeException {
        private final String key;
        private final String detail;

        Problem(String key, String detail) {
            super(key + (detail.isEmpty() ? "" : ": " + detail));
            this.key = key;
            this.detail = detail;
        }

        /** The text key that explains it; its argument is {@link #detail()}. */
        public String key() {
            return key;
        }

        /** The masked address or limit the explanation names; empty when none. */
        public String detail() {
            return detail;
        }
    }

    private final IncidentStore store;
    private final IncidentEditing editing;
    private final Screener screener;
    private final Outbox outbox;
    private final Function<String, Texts> texts;
    private final Settings settings;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    /** @param texts the register's texts by language ({@code nl}, {@code en}) */
    public FollowUpLetters(IncidentStore store, IncidentEditing editing, Screener screener, Outbox outbox,
                           Function<String, Texts> texts, Settings settings, Clock clock) {
        this.store = store;
        this.editing = editing;
        this.screener = screener;
        this.outbox = outbox;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The letter of {@code kind} for an incident, in {@code language}, filled in from its answers. */
    public Draft draft(Incident incident, Kind kind, String language) {
        Texts t = texts.apply(language);
        String sentAt = incident.message().map(MessageFacts::sentAt).map(i -> date(i, t.locale()))
                .orElse(t.get("letter.unknown"));
        String subject = incident.message().map(MessageFacts::subject).filter(s -> !s.isBlank())
                .orElse(t.get("letter.no-subject"));
        String body = switch (kind) {
            case DELETE_REQUEST -> t.format("letter.delete.body", sentAt, subject, settings.from(),
                    incident.reference());
            case SUBJECT_NOTICE -> t.format("letter.notice.body", sentAt, "", orFill(t, categories(t, incident.answers())),
                    orFill(t, incident.answers().get(Field.CONSEQUENCES)),
                    orFill(t, incident.answers().get(Field.MEASURES_TAKEN)), settings.from(), incident.reference());
        };
        List<String> known = kind == Kind.DELETE_REQUEST ? recipients(incident) : List.of();
        return new Draft(kind, t.language(), t.format(kind.key() + ".subject", incident.reference()), body, known);
    }

    /** The external addresses the incident kept of its message: the only ones a deletion request may go to. */
    public static List<String> recipients(Incident incident) {
        return incident.message().map(MessageFacts::recipients).orElse(List.of());
    }

    /**
     * Sends one letter per addressee.
     *
     * @throws Problem before anything is sent, when an address is invalid, a deletion request names an
     *                 address the incident did not keep, or there are none or too many
     */
    public List<Outcome> send(long incidentId, Kind kind, List<String> addressees, String subject, String body,
                              String language, String actor) {
        Incident incident = store.find(incidentId).orElseThrow(() -> new Problem("letter.error.incident", ""));
        List<String> to = validated(incident, kind, addressees);
        Texts t = texts.apply(language);
        if (body == null || body.isBlank()) {
            throw new Problem("letter.error.empty", "");
        }
        if (PLACEHOLDER.matcher(body).find()) {
            throw new Problem("letter.error.fill-in", "");
        }
        String reference = incident.reference();
        String title = subject == null || subject.isBlank() ? t.format(kind.key() + ".subject", reference)
                : subject.strip();
        if (!title.contains(reference)) {
            title = title + " (" + reference + ")";
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String addressee : to) {
            outcomes.add(sendOne(incident, addressee, title, body == null ? "" : body));
        }
        record(incident, kind, outcomes, t, actor);
        return outcomes;
    }

    private List<String> validated(Incident incident, Kind kind, List<String> addressees) {
        Set<String> to = new LinkedHashSet<>();
        for (String raw : addressees) {
            String address = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (address.isEmpty()) {
                continue;
            }
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                if (!address.equals(parsed.getAddress()) || !address.contains("@")) {
                    throw new AddressException("not a bare address");
                }
            } catch (AddressException e) {
                throw new Problem("letter.error.address", BsnMasking.mask(address));
            }
            to.add(address);
        }
        if (to.isEmpty()) {
            throw new Problem("letter.error.none", "");
        }
        if (to.size() > settings.maxAddressees()) {
            throw new Problem("letter.error.many", String.valueOf(settings.maxAddressees()));
        }
        if (kind == Kind.DELETE_REQUEST) {
            List<String> known = recipients(incident);
            Optional<String> stranger = to.stream().filter(a -> !known.contains(a)).findFirst();
            if (stranger.isPresent()) {
                throw new Problem("letter.error.unknown", BsnMasking.mask(stranger.get()));
            }
        }
        return List.copyOf(to);
    }

    private Outcome sendOne(Incident incident, String addressee, String subject, String body) {
        byte[] bytes;
        try {
            bytes = write(incident, addressee, subject, body);
        } catch (MessagingException | IOException e) {
            return new Outcome(addressee, Outcome.Result.FAILED, List.of(e.getClass().getSimpleName()));
        }
        String queueId = "letter-" + incident.reference() + "-" + Integer.toHexString(addressee.hashCode());
        Envelope envelope = new Envelope(queueId, settings.from(), List.of(addressee),
                InetAddress.getLoopbackAddress(), "localhost", Optional.empty(), clock.instant());
        Screened screened = screener.screen(envelope, Spool.ofBytes(bytes));
        Verdict verdict = screened.verdict();
        if (refused(verdict)) {
            List<String> reasons = new ArrayList<>(verdict.codes().stream().map(Enum::name).toList());
            log.info("incident={} follow-up letter not sent: the screening found {}", incident.reference(),
                    verdict.codes());
            return new Outcome(addressee, Outcome.Result.REFUSED, reasons);
        }
        OutboxResult result = outbox.send(OutboxMail.own(settings.from(), List.of(addressee), bytes));
        if (result.accepted().isEmpty()) {
            log.warn("incident={} follow-up letter to a recipient at {} not accepted: {} {}", incident.reference(),
                    domain(addressee), result.temporary(), result.permanent());
            List<String> replies = new ArrayList<>();
            result.temporary().values().forEach(f -> replies.add(f.toString()));
            result.permanent().values().forEach(f -> replies.add(f.toString()));
            return new Outcome(addressee, Outcome.Result.FAILED, replies);
        }
        log.info("incident={} follow-up letter sent to a recipient at {}", incident.reference(), domain(addressee));
        return new Outcome(addressee, Outcome.Result.SENT, List.of());
    }

    /**
     * Held or refused by the policy; or going out with something the register would have to record
     * (a {@code monitor} policy delivers a BSN and opens an incident: a letter about a breach must not be
     * the next one); or any full BSN, which a letter never needs.
     */
    private static boolean refused(Verdict verdict) {
        return verdict.action() == Verdict.Action.HOLD || verdict.action() == Verdict.Action.REJECT
                || verdict.openIncident() || verdict.codeSet().contains(FindingCode.BSN);
    }

    private byte[] write(Incident incident, String addressee, String subject, String body)
            throws MessagingException, IOException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(settings.from()));
        mail.setRecipients(Message.RecipientType.TO, addressee);
        mail.setSubject(subject, "UTF-8");
        mail.setSentDate(Date.from(clock.instant()));
        mail.setHeader("X-Lekwacht-Incident", incident.reference());
        mail.setText(body.replace("\r\n", "\n"), "UTF-8");
        mail.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toByteArray();
    }

    /** The trail gets one entry per letter (address masked); the AP form's follow-up answers the letters sent. */
    private void record(Incident incident, Kind kind, List<Outcome> outcomes, Texts t, String actor) {
        Instant now = clock.instant();
        List<AuditEntry> entries = outcomes.stream().map(o -> new AuditEntry(incident.id(), now, actor, ACTOR_FIELD,
                "", t.format("letter.audit", t.get(kind.key() + ".name"), masked(o.addressee()),
                        t.get("letter.result." + o.result().name().toLowerCase(Locale.ROOT)),
                        String.join(", ", o.reasons())))).toList();
        store.update(store.find(incident.id()).orElse(incident), entries);
        long sent = outcomes.stream().filter(o -> o.result() == Outcome.Result.SENT).count();
        if (sent == 0) {
            return;
        }
        Incident current = store.find(incident.id()).orElse(incident);
        Answers answers = current.answers();
        String day = date(now, t.locale());
        Map<Field, String> changes = new EnumMap<>(Field.class);
        if (kind == Kind.DELETE_REQUEST) {
            changes.put(Field.MEASURES_TAKEN, appended(answers.get(Field.MEASURES_TAKEN),
                    t.format("letter.delete.measure", day, sent)));
        } else {
            changes.put(Field.SUBJECTS_INFORMED, Choices.Informed.YES.name());
            changes.put(Field.SUBJECTS_INFORMED_HOW, appended(answers.get(Field.SUBJECTS_INFORMED_HOW),
                    t.format("letter.notice.measure", day, sent)));
            long before = answers.number(Field.SUBJECTS_INFORMED_COUNT).orElse(0);
            changes.put(Field.SUBJECTS_INFORMED_COUNT, String.valueOf(before + sent));
        }
        editing.edit(incident.id(), changes, Set.of(), actor);
    }

    private static String appended(String before, String line) {
        return before.isBlank() ? line : before.strip() + "\n" + line;
    }

    private String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(settings.zone()).format(instant);
    }

    private static String categories(Texts t, Answers answers) {
        return String.join(", ", answers.list(Field.DATA_CATEGORIES).stream()
                .map(c -> t.has("choice." + c) ? t.get("choice." + c) : c).toList());
    }

    private static String orFill(Texts t, String answer) {
        return answer == null || answer.isBlank() ? t.get("letter.fill-in") : answer.strip();
    }

    /** {@code j***@example.nl}: enough for the trail to show which letter went where, not a mailing list. */
    static String masked(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
