package nl.lekwacht.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the data of a DATA command up to {@code CRLF.CRLF}, removing dot-stuffing, and refuses any CR
 * or LF that is not part of a CRLF pair: a lone LF (or {@code LF.LF}, {@code LF.CRLF}) is read as end of
 * data by some servers and not by others, which is how SMTP smuggling slips a second message past
 * the first server's checks.
 *
 * <p>Reads in blocks for speed and puts back what follows the terminator (a pipelined next command)
 * through mark/reset, so the input must support mark.
 */
final class DotDataReader {

    private static final int LINE_START = 0;
    private static final int MIDDLE = 1;
    private static final int CR = 2;
    private static final int DOT = 3;
    private static final int DOT_CR = 4;
    private static final int BLOCK = 8192;

    private DotDataReader() {
    }

    static DataOutcome read(InputStream in, DataSink sink) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("input must support mark/reset");
        }
        byte[] block = new byte[BLOCK];
        int state = LINE_START;
        while (true) {
            in.mark(BLOCK + 1);
            int n = in.read(block, 0, BLOCK);
            if (n < 0) {
                throw new EOFException("connection closed before end of data");
            }
            int runStart = 0;
            for (int i = 0; i < n; i++) {
                byte b = block[i];
                switch (state) {
                    case LINE_START -> {
                        if (b == '.') {
                            sink.write(block, runStart, i);
                            runStart = i + 1;
                            state = DOT;
                        } else {
                            state = middle(b);
                        }
                    }
                    case DOT -> {
                        if (b == '\r') {
                            state = DOT_CR;
                        } else {
                            state = middle(b);
                        }
                    }
                    case DOT_CR -> {
                        if (b != '\n') {
                            return DataOutcome.BARE_NEWLINE;
                        }
                        // end of data: keep everything before the CR of ".CRLF"
                        sink.write(block, runStart, Math.max(runStart, i - 1));
                        in.reset();
                        in.skipNBytes(i + 1);
                        return sink.outcome();
                    }
                    case CR -> {
                        if (b != '\n') {
                            return DataOutcome.BARE_NEWLINE;
                        }
                        state = LINE_START;
                    }
                    default -> state = middle(b);
                }
                if (state < 0) {
                    return DataOutcome.BARE_NEWLINE;
                }
            }
            // A CR right after a line-start dot may be the start of the terminator: hold it back.
            sink.write(block, runStart, state == DOT_CR ? n - 1 : n);
        }
    }

    private static int middle(byte b) {
        if (b == '\r') {
            return CR;
        }
        return b == '\n' ? -1 : MIDDLE;
    }
}
