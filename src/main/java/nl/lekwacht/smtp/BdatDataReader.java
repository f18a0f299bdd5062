package nl.lekwacht.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the chunks of one BDAT transaction (RFC 3030). The data is not dot-stuffed, but a lone CR or
 * LF is refused just as with DATA, across chunk boundaries too, since the message is relayed with DATA.
 * One instance per transaction; not thread-safe.
 */
final class BdatDataReader {

    private final DataSink sink;
    private boolean pendingCr;
    private boolean bare;

    BdatDataReader(DataSink sink) {
        this.sink = sink;
    }

    /** Reads exactly {@code size} bytes of one chunk (it must be read even when it will be refused). */
    void readChunk(InputStream in, long size) throws IOException {
        byte[] block = new byte[8192];
        long remaining = size;
        while (remaining > 0) {
            int n = in.read(block, 0, (int) Math.min(block.length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a BDAT chunk");
            }
            remaining -= n;
            check(block, n);
            sink.write(block, 0, n);
        }
    }

    private void check(byte[] block, int n) {
        for (int i = 0; i < n; i++) {
            byte b = block[i];
            if (pendingCr) {
                if (b != '\n') {
                    bare = true;
                }
                pendingCr = false;
            } else if (b == '\n') {
                bare = true;
            }
            if (b == '\r') {
                pendingCr = true;
            }
        }
    }

    /** The outcome once the LAST chunk was read. */
    DataOutcome finish() {
        if (bare || pendingCr) {
            return DataOutcome.BARE_NEWLINE;
        }
        return sink.outcome();
    }

    boolean sawBareNewline() {
        return bare;
    }

    boolean sawNul() {
        return sink.sawNul();
    }

    /** Why the spool could not take the data, or empty while it could. */
    Optional<IOException> spoolFailure() {
        return sink.spoolFailure();
    }

    long size() {
        return sink.size();
    }
}
