package nl.lekwacht.corpus;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Builds one RFC 5322 message the way a mail client would: a plain or HTML body (or both, as
 * multipart/alternative) and attachments. Sender and recipient are fixed so that only content differs
 * between scenarios: an internal sender at {@code gemeente.example} and one external recipient.
 */
final class EmlWriter {

    static final String SENDER = "medewerker@gemeente.example";
    static final String RECIPIENT = "ontvanger@partner.example";

    private record File(String name, String type, byte[] bytes) {
    }

    private final Session session = Session.getInstance(new Properties());
    private final String subject;
    private String plain;
    private String html;
    private final List<File> files = new ArrayList<>();

    EmlWriter(String subject) {
        this.subject = subject;
    }

    EmlWriter plain(String text) {
        this.plain = text;
        return this;
    }

    EmlWriter html(String markup) {
        this.html = markup;
        return this;
    }

    EmlWriter attach(String name, String type, byte[] bytes) {
        files.add(new File(name, type, bytes));
        return this;
    }

    byte[] bytes(String messageId, ZonedDateTime date) throws IOException {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + messageId + "@gemeente.example>");
                }
            };
            message.setFrom(new InternetAddress(SENDER, "Medewerker Gemeente", "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(RECIPIENT));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(date.toInstant()));
            if (files.isEmpty()) {
                setBody(message);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(bodyPart());
                for (File f : files) {
                    MimeBodyPart part = new MimeBodyPart();
                    if (f.type().equals("message/rfc822")) {
                        part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.bytes(), f.type())));
                        part.setHeader("Content-Type", "message/rfc822");
                        part.setDisposition("attachment");
                        part.setFileName(f.name());
                    } else {
                        part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.bytes(), f.type())));
                        part.setFileName(f.name());
                        part.setDisposition("attachment");
                        part.setHeader("Content-Transfer-Encoding", "base64");
                    }
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    private MimeBodyPart bodyPart() throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        if (plain != null && html != null) {
            part.setContent(alternative());
        } else if (html != null) {
            part.setText(html, "UTF-8", "html");
        } else {
            part.setText(plain == null ? "" : plain, "UTF-8", "plain");
        }
        return part;
    }

    private MimeMultipart alternative() throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart p = new MimeBodyPart();
        p.setText(plain, "UTF-8", "plain");
        MimeBodyPart h = new MimeBodyPart();
        h.setText(html, "UTF-8", "html");
        alternative.addBodyPart(p);
        alternative.addBodyPart(h);
        return alternative;
    }

    /** A message without attachments carries its body directly, as mail clients send it. */
    private void setBody(MimeMessage message) throws MessagingException {
        if (plain != null && html != null) {
            message.setContent(alternative());
        } else if (html != null) {
            message.setText(html, "UTF-8", "html");
        } else {
            message.setText(plain == null ? "" : plain, "UTF-8", "plain");
        }
    }
}
