package nl.lekwacht.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A MIME part that is not a body text: a file the sender attached, an attached message, an inline
 * image. Its content is not held in memory; {@link #open()} streams it (transfer encoding decoded)
 * from the spool each time it is called.
 *
 * @param partId      its MIME part id as IMAP numbers it ({@code 2}, {@code 1.3}); what the hold side
 *                    names an attachment by, never its file name
 * @param name        the file name as the sender's client gave it, or a made-up {@code part-N}
 * @param contentType the declared MIME type, lower case, without parameters
 * @param encodedSize size of the part as transferred, an upper bound of the decoded size
 */
public record Attachment(String partId, String name, String contentType, long encodedSize, Source source) {

    /** Opens the decoded content; the caller closes the stream. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public Attachment {
        Objects.requireNonNull(partId, "partId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(source, "source");
    }

    public InputStream open() throws IOException {
        return source.open();
    }

    /** How findings name the attachment's location. */
    public String where() {
        return "attachment:" + name;
    }
}
