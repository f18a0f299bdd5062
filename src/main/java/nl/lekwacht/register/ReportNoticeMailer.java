package nl.lekwacht.register;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import nl.lekwacht.flow.Outbox;
import nl.lekwacht.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the internal sender of a delivered message with findings a link to report it
 * ({@code /r/{token}}). The link is issued (hashed into the store) on the relay's thread; the mail is
 * sent on {@code executor}, so the SMTP session never waits for it. Best effort: a failed notice is
 * logged, the incident (if any) is already recorded.
 */
final class ReportNoticeMailer implements ReportNotices {

    private static final Logger log = LoggerFactory.getLogger(ReportNoticeMailer.class);

    /**
     * @param publicUrl    base of the link ({@code web.public-url})
     * @param linkLifetime how long the link works
     */
    public record Settings(String from, String publicUrl, Duration linkLifetime) {
    }

    private final ReportLinks links;
    private final Outbox sender;
    private final Texts texts;
    private final Settings settings;
    private final Predicate<String> internal;
    private final SecureRandom random;
    private final Executor executor;
    private final Session session = Session.getInstance(new Properties());

    public ReportNoticeMailer(ReportLinks links, Outbox sender, Texts texts, Settings settings,
                              Predicate<String> internal, SecureRandom random, Executor executor) {
        this.links = links;
        this.sender = sender;
        this.texts = texts;
        this.settings = settings;
        this.internal = internal;
        this.random = random;
        this.executor = executor;
    }

    @Override
    public void delivered(MessageFacts message, Optional<Incident> incident) {
        if (message.sender().isEmpty() || !internal.test(message.sender())) {
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        links.issueReportLink(message, token, settings.linkLifetime());
        String link = settings.publicUrl() + "/r/" + token;
        String body = texts.format("report.notice.body", message.subject(), message.recipientCount(),
                String.join(", ", message.codes()), link)
                + incident.map(i -> texts.format("report.notice.recorded", i.reference())).orElse("");
        executor.execute(() -> send(message, body));
    }

    private void send(MessageFacts message, String body) {
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(settings.from()));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, message.sender());
            mail.setSubject(texts.get("report.notice.subject"), "UTF-8");
            mail.setSentDate(new Date());
            mail.setHeader("Auto-Submitted", "auto-generated");
            mail.setText(body, "UTF-8");
            mail.saveChanges();
            sender.send(mail, "", List.of(message.sender()));
        } catch (IOException | MessagingException | RuntimeException e) {
            log.warn("queue={} report notice to the sender failed: {}", message.queueId(), e.toString());
        }
    }
}
