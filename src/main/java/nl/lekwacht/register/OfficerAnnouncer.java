package nl.lekwacht.register;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails {@code register.privacy-officer-email} that a new incident was opened: its reference, source,
 * deadline and a link to it. Nothing of the message (no subject, no addresses, no evidence): the
 * privacy officer reads that behind the login. Sent on {@code executor}; failures are logged.
 */
final class OfficerAnnouncer implements Announcer {

    private static final Logger log = LoggerFactory.getLogger(OfficerAnnouncer.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final String officer;
    private final String from;
    private final String publicUrl;
    private final Outbox sender;
    private final Texts texts;
    private final ZoneId zone;
    private final Executor executor;
    private final Session session = Session.getInstance(new Properties());

    public OfficerAnnouncer(String officer, String from, String publicUrl, Outbox sender,
                            Texts texts, ZoneId zone, Executor executor) {
        this.officer = officer;
        this.from = from;
        this.publicUrl = publicUrl;
        this.sender = sender;
        this.texts = texts;
        this.zone = zone;
        this.executor = executor;
    }

    @Override
    public void opened(Incident incident) {
        if (officer.isBlank()) {
            return;
        }
        String deadline = incident.deadline().map(d -> SHOWN.format(d.atZone(zone))).orElse("");
        String body = texts.format("officer.notice.body", incident.reference(),
                texts.get("origin." + incident.origin().name()), deadline,
                publicUrl + "/register/" + incident.id());
        executor.execute(() -> {
            try {
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(new InternetAddress(from));
                mail.setRecipients(jakarta.mail.Message.RecipientType.TO, officer);
                mail.setSubject(texts.format("officer.notice.subject", incident.reference()), "UTF-8");
                mail.setSentDate(new Date());
                mail.setHeader("Auto-Submitted", "auto-generated");
                mail.setText(body, "UTF-8");
                mail.saveChanges();
                sender.send(mail, "", List.of(officer));
            } catch (IOException | MessagingException | RuntimeException e) {
                log.warn("incident={} announcement to the privacy officer failed: {}", incident.reference(),
                        e.toString());
            }
        });
    }
}
