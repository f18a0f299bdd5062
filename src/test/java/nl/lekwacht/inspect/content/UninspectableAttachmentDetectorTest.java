package nl.lekwacht.inspect.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import org.junit.jupiter.api.Test;

class UninspectableAttachmentDetectorTest {

    private final UninspectableAttachmentDetector detector = new UninspectableAttachmentDetector();

    @Test
    void reportsEncryptedAttachmentWithFileNameAndReason() {
        List<Finding> findings = detector.inspect(message(
                new ExtractionProblem("2", "attachment:beschikking.pdf", Reason.ENCRYPTED, "EncryptedDocumentException")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.UNINSPECTABLE_ATTACHMENT);
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.where()).isEqualTo("attachment:beschikking.pdf");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.evidence()).containsExactly("beschikking.pdf");
            assertThat(f.details()).containsEntry("reason", "encrypted");
        });
    }

    @Test
    void namesEveryReasonTheWayConfigWritesIt() {
        List<Finding> findings = detector.inspect(message(
                new ExtractionProblem("2", "attachment:a.zip", Reason.TOO_LARGE, ""),
                new ExtractionProblem("2", "attachment:b.zip/c/d.zip", Reason.TOO_DEEP, ""),
                new ExtractionProblem("2", "attachment:e.pdf", Reason.TIMEOUT, ""),
                new ExtractionProblem("2", "attachment:f.docx", Reason.CORRUPT, "")));

        assertThat(findings).extracting(f -> f.details().get("reason"))
                .containsExactly("too-large", "too-deep", "timeout", "corrupt");
    }

    @Test
    void namesTheInnermostFileOfANestedLocationWithoutSheetOrPage() {
        List<Finding> findings = detector.inspect(message(
                new ExtractionProblem("2", "attachment:dossier.zip/map/rapport.pdf", Reason.CORRUPT, ""),
                new ExtractionProblem("2", "attachment:lijst.xlsx#Blad1", Reason.TOO_LARGE, "")));

        assertThat(findings).extracting(Finding::evidence)
                .containsExactly(List.of("rapport.pdf"), List.of("lijst.xlsx"));
        assertThat(findings).extracting(Finding::where)
                .containsExactly("attachment:dossier.zip/map/rapport.pdf", "attachment:lijst.xlsx#Blad1");
    }

    @Test
    void reportsUnreadableMessageStructureWithoutFileName() {
        List<Finding> findings = detector.inspect(message(
                ExtractionProblem.ofMessage( Reason.CORRUPT, "MIME structure unreadable")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("message");
            assertThat(f.evidence()).isEmpty();
            assertThat(f.details()).containsEntry("reason", "corrupt");
        });
    }

    @Test
    void reportsTheSameProblemOnlyOnce() {
        ExtractionProblem problem = new ExtractionProblem("2", "attachment:x.zip", Reason.TIMEOUT, "");

        assertThat(detector.inspect(message(problem, problem))).hasSize(1);
    }

    @Test
    void findsNothingWhenEveryAttachmentWasRead() {
        OutboundMessage message = new OutboundMessage(envelope(), MessageHeaders.empty(), 100,
                List.of(TextPart.body("hallo"), new TextPart("2", "attachment:a.pdf", "tekst", false)), List.of(), List.of());

        assertThat(detector.inspect(message)).isEmpty();
    }

    private static OutboundMessage message(ExtractionProblem... problems) {
        return new OutboundMessage(envelope(), MessageHeaders.empty(), 100, List.of(TextPart.body("hallo")),
                List.of(), List.of(problems));
    }

    private static Envelope envelope() {
        return new Envelope("q1", "medewerker@gemeente.example", List.of("burger@example.org"),
                InetAddress.getLoopbackAddress(), "mta", Optional.empty(), Instant.EPOCH);
    }
}
