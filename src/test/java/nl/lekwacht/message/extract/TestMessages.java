package nl.lekwacht.message.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.message.Attachment;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;

/** Builds messages with attachments for the extraction tests. */
final class TestMessages {

    static final Path FIXTURES = Path.of("src/test/resources/attachments");

    private TestMessages() {
    }

    static OutboundMessage with(Attachment... attachments) {
        return new OutboundMessage(new Envelope("q1", "medewerker@gemeente.example", List.of("burger@example.org"),
                InetAddress.getLoopbackAddress(), "mta", Optional.empty(), Instant.EPOCH), MessageHeaders.empty(), 1000,
                List.of(TextPart.body("Zie bijlage.")), List.of(attachments), List.of());
    }

    static Attachment fixture(String name) {
        return file(FIXTURES.resolve(name));
    }

    static Attachment file(Path path) {
        try {
            return new Attachment("2", path.getFileName().toString(), "application/octet-stream", Files.size(path),
                    () -> Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Attachment bytes(String name, byte[] content) {
        return new Attachment("2", name, "application/octet-stream", content.length,
                () -> new ByteArrayInputStream(content));
    }
}
