package nl.lekwacht.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where message bytes go while they are read: counts them against the size and header limits, looks
 * for NUL bytes, and stops writing (but keeps counting) once the message is too big or has a NUL, so
 * the client can be answered after its end of data. The client's own {@code X-Lekwacht:} fields are
 * left out on the way ({@link ClientTraceFilter}).
 *
 * <p>A failed write to the spool (its file system full) is kept here rather than thrown: an exception
 * would leave the rest of the client's data unread, the session out of step, and SubEthaSMTP would
 * answer {@code 421} and drop the connection. The data is read to its end instead and the message
 * refused with a temporary error, so every exception out of a reader is the client's side.
 */
final class DataSink {

    private final ClientTraceFilter out;
    private final long maxSize;
    private final long maxHeaderSize;
    private long size;
    private long headerSize;
    private boolean inHeaders = true;
    private boolean lineEmpty = true;
    private boolean tooBig;
    private boolean headerTooBig;
    private boolean nul;
    private IOException spoolFailure;

    DataSink(OutputStream out, long maxSize, long maxHeaderSize) {
        this.out = new ClientTraceFilter(out);
        this.maxSize = maxSize;
        this.maxHeaderSize = maxHeaderSize;
    }

    void write(byte[] bytes, int from, int to) throws IOException {
        int length = to - from;
        if (length <= 0) {
            return;
        }
        if (inHeaders) {
            trackHeaders(bytes, from, to);
        }
        size += length;
        if (size > maxSize) {
            tooBig = true;
        }
        for (int i = from; i < to && !nul; i++) {
            nul = bytes[i] == 0;
        }
        if (!tooBig && !headerTooBig && !nul && spoolFailure == null) {
            try {
                out.write(bytes, from, length);
            } catch (IOException e) {
                spoolFailure = e;
            }
        }
    }

    /** Finds the empty line that ends the header section, counting header bytes until then. */
    private void trackHeaders(byte[] bytes, int from, int to) {
        for (int i = from; i < to && inHeaders; i++) {
            byte b = bytes[i];
            headerSize++;
            if (b == '\n') {
                if (lineEmpty) {
                    inHeaders = false;
                }
                lineEmpty = true;
            } else if (b != '\r') {
                lineEmpty = false;
            }
        }
        if (headerSize > maxHeaderSize) {
            headerTooBig = true;
        }
    }

    long size() {
        return size;
    }

    /** True once a NUL byte was seen. */
    boolean sawNul() {
        return nul;
    }

    /** Why the spool could not take the data, or empty while it could. */
    Optional<IOException> spoolFailure() {
        return Optional.ofNullable(spoolFailure);
    }

    /** Ends the data: passes on what is still buffered and says how it went. Call once. */
    DataOutcome outcome() {
        if (tooBig) {
            return DataOutcome.TOO_BIG;
        }
        if (headerTooBig) {
            return DataOutcome.HEADER_TOO_BIG;
        }
        if (nul) {
            return DataOutcome.NUL;
        }
        if (spoolFailure == null) {
            try {
                out.finish();
            } catch (IOException e) {
                spoolFailure = e;
            }
        }
        return spoolFailure == null ? DataOutcome.COMPLETE : DataOutcome.SPOOL_FAILED;
    }
}
