package nl.lekwacht.hold;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Remembers why reading the wrapped stream failed: an outbox reports a stream that breaks during DATA
 * as a next-hop failure, and the queue must tell that apart from content it cannot open.
 */
final class ReadFailure extends FilterInputStream {

    private volatile String cause;

    ReadFailure(InputStream in) {
        super(in);
    }

    Optional<String> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            cause = e.getMessage();
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            cause = e.getMessage();
            throw e;
        }
    }
}
