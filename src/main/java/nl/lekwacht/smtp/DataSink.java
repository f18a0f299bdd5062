package nl.lekwacht.smtp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where message bytes go while they are read: counts them against the size and header limits and
 * stops writing (but keeps counting) once the message is too big, so the client can be answered
 * after its end of data.
 */
final class DataSink {

    private final OutputStream out;
    private final long maxSize;
    private final long maxHeaderSize;
    private long size;
    private long headerSize;
    private boolean inHeaders = true;
    private boolean lineEmpty = true;
    private boolean tooBig;
    private boolean headerTooBig;

    DataSink(OutputStream out, long maxSize, long maxHeaderSize) {
        this.out = out;
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
        if (!tooBig && !headerTooBig) {
            out.write(bytes, from, length);
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

    DataOutcome outcome() {
        if (tooBig) {
            return DataOutcome.TOO_BIG;
        }
        return headerTooBig ? DataOutcome.HEADER_TOO_BIG : DataOutcome.COMPLETE;
    }
}
