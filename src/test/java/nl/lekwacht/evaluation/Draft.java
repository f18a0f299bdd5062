package nl.lekwacht.evaluation;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** What a person writes before the client turns it into MIME. Mutable while a case is being built. */
final class Draft {

    record Person(String name, String address) {
    }

    /**
     * One attached or embedded part. {@code filenameStyle}: "plain", "2047" (Outlook, encoded-words in
     * the quoted name), "2231" (one extended parameter), "2231-split" (numbered continuations).
     * {@code transfer}: "base64" unless a text part says otherwise ("7bit", "8bit", "quoted-printable").
     */
    record Part(String filename, String contentType, byte[] bytes, boolean inline, String contentId,
                String filenameStyle, String transfer) {
        static Part attachment(String filename, String contentType, byte[] bytes) {
            return new Part(filename, contentType, bytes, false, null, null, "base64");
        }
    }

    Person from;
    Person sender;
    final List<Person> to = new ArrayList<>();
    final List<Person> cc = new ArrayList<>();
    String subject;
    /** Override of the Subject header as written (e.g. forced encoded-words); null: derived. */
    String rawSubject;
    ZonedDateTime date;
    String messageId;
    String inReplyTo;
    String references;
    String text;
    String html;
    final List<Part> parts = new ArrayList<>();
    final List<String> extraHeaders = new ArrayList<>();

    Draft from(String name, String address) {
        this.from = new Person(name, address);
        return this;
    }

    Draft to(String name, String address) {
        to.add(new Person(name, address));
        return this;
    }

    Draft cc(String name, String address) {
        cc.add(new Person(name, address));
        return this;
    }

    Draft subject(String s) {
        this.subject = s;
        return this;
    }

    Draft text(String t) {
        this.text = t;
        return this;
    }

    Draft html(String h) {
        this.html = h;
        return this;
    }

    Draft attach(Part p) {
        parts.add(p);
        return this;
    }
}
