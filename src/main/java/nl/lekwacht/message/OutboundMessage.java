package nl.lekwacht.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One outgoing message as the detectors see it: the envelope, the headers that matter, the visible
 * recipients, the decoded body texts, the attachments and, once extraction ran, their text.
 *
 * <p>Immutable and safe to share between detector threads. The raw bytes stay in the spool; nothing
 * here holds the whole message in memory except the decoded texts, which extraction bounds.
 *
 * @param size     size of the raw message in bytes
 * @param texts    body texts first, then text extracted from attachments
 * @param problems attachments whose text could not be read
 */
public record OutboundMessage(Envelope envelope, MessageHeaders headers, long size, List<TextPart> texts,
                              List<Attachment> attachments, List<ExtractionProblem> problems) {

    public OutboundMessage {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(headers, "headers");
        texts = List.copyOf(texts);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    /** Addresses in To and Cc, in header order, To first. Bcc recipients are only in the envelope. */
    public List<VisibleRecipient> visibleRecipients() {
        List<VisibleRecipient> visible = new ArrayList<>(headers.to().size() + headers.cc().size());
        headers.to().forEach(a -> visible.add(new VisibleRecipient(a, "To")));
        headers.cc().forEach(a -> visible.add(new VisibleRecipient(a, "Cc")));
        return visible;
    }

    /** This message with the text extracted from its attachments added. */
    public OutboundMessage withExtraction(List<TextPart> extracted, List<ExtractionProblem> found) {
        List<TextPart> allTexts = new ArrayList<>(texts);
        allTexts.addAll(extracted);
        List<ExtractionProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(found);
        return new OutboundMessage(envelope, headers, size, allTexts, attachments, allProblems);
    }
}
