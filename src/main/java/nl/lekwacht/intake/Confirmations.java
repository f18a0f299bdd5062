package nl.lekwacht.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executor;
import nl.lekwacht.config.RegisterConfig;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.text.Texts;
import nl.lekwacht.login.ThrottleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a reporter that their report arrived: fixed text and the reference, nothing they typed, so the
 * form cannot carry a message to a third party. At most {@code confirmation-limit} mails per address
 * within {@code confirmation-window} (counted in the store under a hash of the address); beyond that
 * the report is still filed, only the mail is skipped. Sent on {@code executor}; failures are logged.
 */
final class Confirmations {

    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final Outbox sender;
    private final String from;
    private final Texts texts;
    private final ThrottleStore throttle;
    private final RegisterConfig.Intake limits;
    private final Clock clock;
    private final Executor executor;
    private final Session session = Session.getInstance(new Properties());

    public Confirmations(Outbox sender, String from, Texts texts, ThrottleStore throttle,
                         RegisterConfig.Intake limits, Clock clock, Executor executor) {
        this.sender = sender;
        this.from = from;
        this.texts = texts;
        this.throttle = throttle;
        this.limits = limits;
        this.clock = clock;
        this.executor = executor;
    }

    /** Sends the confirmation for {@code reference} to {@code address} unless its limit is reached. */
    public void confirm(String address, String reference) {
        Instant now = clock.instant();
        String counter = "report-mail:" + Digest.sha256(address.toLowerCase(Locale.ROOT));
        if (throttle.countSince(counter, now.minus(limits.confirmationWindow())) >= limits.confirmationLimit()) {
            log.info("report {}: confirmation mail skipped, limit per address reached", reference);
            return;
        }
        throttle.record(counter, now);
        executor.execute(() -> {
            try {
                MimeMessage mail = new MimeMessage(session);
                mail.setFrom(new InternetAddress(from));
                mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
                mail.setSubject(texts.format("confirmation.subject", reference), "UTF-8");
                mail.setSentDate(new Date());
                mail.setHeader("Auto-Submitted", "auto-generated");
                mail.setText(texts.format("confirmation.body", reference), "UTF-8");
                mail.saveChanges();
                sender.send(mail, "", List.of(address));
            } catch (IOException | MessagingException | RuntimeException e) {
                log.warn("report {}: confirmation mail failed: {}", reference, e.toString());
            }
        });
    }
}
