package nl.lekwacht.hold;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.lekwacht.flow.OutboxResult.Failure;
import nl.lekwacht.text.Templates;
import nl.lekwacht.text.Texts;

/**
 * The gateway's own messages about holds: the notification with the link (plain text and HTML), the
 * expiry notice, and the delivery status notification (RFC 3464) for recipients refused at release.
 * They carry only what the sender wrote (subject, recipients, attachment names) and masked evidence.
 * Marked {@code Auto-Submitted: auto-generated} (RFC 3834) so that auto-replies stay away. Thread-safe.
 */
final class Notices {

    /** The bundle of the hold notices and pages. */
    public static final String BUNDLE = "nl/lekwacht/hold/texts";

    private final Texts t;
    private final Templates pages;
    private final String from;
    private final String reportingHost;
    private final ZoneId zone;
    private final Session session = Session.getInstance(new Properties());

    public Notices(Texts texts, Templates pages, String from, String reportingHost, ZoneId zone) {
        this.t = texts;
        this.pages = pages;
        this.from = from;
        this.reportingHost = reportingHost;
        this.zone = zone;
    }

    /** The notification that a message was held, with the link to its page. */
    public byte[] held(HeldMessage hold, String link) throws IOException {
        return linkNotice(hold, link, "held", hold.details().notifyTo());
    }

    /** The notice that a message was delayed: it leaves by itself at the time shown unless stopped. */
    public byte[] delayed(HeldMessage hold, String link) throws IOException {
        return linkNotice(hold, link, "delayed", hold.details().notifyTo());
    }

    /** A reminder to the sender that a hold still waits for a decision, with a fresh link. */
    public byte[] reminder(HeldMessage hold, String link) throws IOException {
        return linkNotice(hold, link, "reminder", hold.details().notifyTo());
    }

    /** To the delegate: a colleague's hold waits for a decision; the delegate may act on it. */
    public byte[] escalated(HeldMessage hold, String link, String delegate) throws IOException {
        return linkNotice(hold, link, "escalated", List.of(delegate));
    }

    /** A notice with the link to the page; {@code kind} picks its subject, introduction and closing lines. */
    private byte[] linkNotice(HeldMessage hold, String link, String kind, List<String> to) throws IOException {
        List<PlainFindings.Plain> findings = PlainFindings.describe(t, hold.details().findings());
        List<String> attachments = hold.details().attachments().stream().map(HoldDetails.AttachmentInfo::name).toList();
        String expiry = when(hold.expiresAt());
        String subject = t.format(key(kind, "subject"), hold.subject());
        String intro = t.format(key(kind, "intro"), hold.subject(), hold.sender());
        String action = t.get(key(kind, "action"));
        String expiryLine = t.format(key(kind, "expiry"), expiry);
        StringBuilder text = new StringBuilder();
        text.append(t.get("notice.held.greeting")).append("\n\n").append(intro).append("\n\n");
        for (PlainFindings.Plain f : findings) {
            text.append("- ").append(f.title()).append(" (").append(f.where()).append("): ")
                    .append(f.explanation()).append("\n");
            if (!f.evidence().isEmpty()) {
                text.append("  ").append(String.join(", ", f.evidence())).append("\n");
            }
        }
        text.append("\n").append(t.get("notice.held.recipients")).append(": ")
                .append(String.join(", ", hold.recipients())).append("\n");
        if (!attachments.isEmpty()) {
            text.append(t.get("notice.held.attachments")).append(": ").append(String.join(", ", attachments))
                    .append("\n");
        }
        text.append("\n").append(action).append("\n\n").append(link).append("\n\n")
                .append(expiryLine).append("\n\n")
                .append(t.format("notice.held.reference", hold.id())).append("\n")
                .append(t.get(key(kind, "footer"))).append("\n");
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("t", t);
        model.put("title", subject);
        model.put("intro", intro);
        model.put("findings", findings);
        model.put("recipients", hold.recipients());
        model.put("attachments", attachments);
        model.put("action", action);
        model.put("link", link);
        model.put("expiry", expiryLine);
        model.put("reference", hold.id());
        model.put("footer", t.get(key(kind, "footer")));
        String html = pages.render("hold/notice.jte", model);
        try {
            MimeMessage message = base(subject, to);
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text.toString(), "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            message.setContent(alternative);
            return bytes(message);
        } catch (MessagingException e) {
            throw new IOException("cannot build the notification", e);
        }
    }

    private String key(String kind, String part) {
        String key = "notice." + kind + "." + part;
        return t.has(key) ? key : "notice.held." + part;
    }

    /** Tells the sender the hold expired and nothing was sent. */
    public byte[] expired(HeldMessage hold) throws IOException {
        return expiryNotice(hold, hold.details().notifyTo(), t.format("notice.expired.text", hold.subject()),
                "notice.held.footer");
    }

    /** Tells the delegate who was asked in the sender's place that nobody decided and nothing was sent. */
    public byte[] expiredToDelegate(HeldMessage hold, String delegate) throws IOException {
        return expiryNotice(hold, List.of(delegate), t.format("notice.expired.delegate.text", hold.subject(),
                hold.sender()) + "\n\n" + t.format("notice.expired.delegate", hold.sender()), "notice.escalated.footer");
    }

    private byte[] expiryNotice(HeldMessage hold, List<String> to, String text, String footer) throws IOException {
        try {
            MimeMessage message = base(t.format("notice.expired.subject", hold.subject()), to);
            message.setText(text + "\n\n" + t.format("notice.held.reference", hold.id()) + "\n"
                    + t.get(footer) + "\n", "UTF-8");
            return bytes(message);
        } catch (MessagingException e) {
            throw new IOException("cannot build the expiry notice", e);
        }
    }

    /** Tells the sender the held message can no longer be opened, so it was not and will not be sent. */
    public byte[] unreadable(HeldMessage hold) throws IOException {
        try {
            MimeMessage message = base(t.format("notice.unreadable.subject", hold.subject()), hold.details().notifyTo());
            message.setText(t.format("notice.unreadable.text", hold.subject()) + "\n\n"
                    + t.format("notice.held.reference", hold.id()) + "\n" + t.get("notice.held.footer") + "\n", "UTF-8");
            return bytes(message);
        } catch (MessagingException e) {
            throw new IOException("cannot build the notice of unreadable content", e);
        }
    }

    /**
     * A delivery status notification (RFC 3464, multipart/report) to the envelope sender for the
     * recipients the next hop refused at release, with the original header section only.
     */
    public byte[] deliveryFailure(HeldMessage hold, Map<String, Failure> refused, byte[] originalHeader,
                                  Instant at) throws IOException {
        StringBuilder human = new StringBuilder(t.format("notice.dsn.text", hold.subject())).append("\n\n");
        StringBuilder status = new StringBuilder();
        status.append("Reporting-MTA: dns; ").append(reportingHost).append("\r\n")
                .append("X-Lekwacht-Hold: ").append(hold.id()).append("\r\n")
                .append("Arrival-Date: ").append(rfc5322(hold.details().receivedAt())).append("\r\n");
        refused.forEach((recipient, reply) -> {
            human.append("  ").append(recipient).append(": ").append(reply).append("\n");
            String code = reply.enhancedCode().isEmpty() ? (reply.isTransient() ? "4.0.0" : "5.0.0")
                    : reply.enhancedCode();
            status.append("\r\n")
                    .append("Final-Recipient: rfc822; ").append(recipient).append("\r\n")
                    .append("Action: failed\r\n")
                    .append("Status: ").append(code.replaceFirst("^4", "5")).append("\r\n")
                    .append("Diagnostic-Code: smtp; ").append(reply.code()).append(" ")
                    .append(reply.text().replaceAll("[\\r\\n]", " ")).append("\r\n")
                    .append("Last-Attempt-Date: ").append(rfc5322(at)).append("\r\n");
        });
        human.append("\n").append(t.get("notice.dsn.after")).append("\n\n")
                .append(t.format("notice.held.reference", hold.id())).append("\n");
        try {
            MimeMessage message = base(t.format("notice.dsn.subject", hold.subject()), List.of(hold.sender()));
            MimeMultipart report = new MimeMultipart("report");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(human.toString(), "UTF-8");
            MimeBodyPart delivery = new MimeBodyPart();
            delivery.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    status.toString().getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
            MimeBodyPart headers = new MimeBodyPart();
            headers.setDataHandler(new DataHandler(new ByteArrayDataSource(originalHeader, "text/rfc822-headers")));
            report.addBodyPart(text);
            report.addBodyPart(delivery);
            report.addBodyPart(headers);
            message.setContent(report);
            message.saveChanges();
            ContentType type = new ContentType(report.getContentType());
            type.setParameter("report-type", "delivery-status");
            message.setHeader("Content-Type", type.toString());
            return bytes(message);
        } catch (MessagingException e) {
            throw new IOException("cannot build the delivery status notification", e);
        }
    }

    private MimeMessage base(String subject, List<String> to) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, "Lekwacht", "UTF-8"));
        for (String recipient : to) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", t.language());
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A time for people: day, month, year, hour and minute in the organisation's zone. */
    public String when(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm (z)", t.locale()).format(instant.atZone(zone));
    }

    private static String rfc5322(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US)
                .format(ZonedDateTime.ofInstant(instant, ZoneId.of("UTC")));
    }
}
