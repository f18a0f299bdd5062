package nl.lekwacht.message.spool;

import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered window {@code [start, end)} over spooled bytes; new windows share the same data. A message
 * spooled in memory is read in place; a window of an encrypted file gets a buffer no larger than itself,
 * made at its first read: the MIME parser opens a window per part and per header block, and a 16 KB
 * buffer for each of them was most of what a small message cost the garbage collector.
 */
final class SpoolInputStream extends InputStream implements SharedInputStream {

    private static final int BUFFER = 16 * 1024;

    private final SpoolData data;
    private final long start;
    private final long end;
    private byte[] buffer;
    private long bufferPosition;
    private int bufferLength;
    private long position;
    private long mark;

    SpoolInputStream(SpoolData data, long start, long end) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.position = start;
        this.mark = start;
        byte[] whole = data.inMemory();
        if (whole != null) {
            buffer = whole;
            bufferLength = (int) data.size();
        }
    }

    @Override
    public int read() throws IOException {
        if (position >= end) {
            return -1;
        }
        if (!buffered(position)) {
            fill();
        }
        int b = buffer[(int) (position - bufferPosition)] & 0xFF;
        position++;
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        if (!buffered(position)) {
            fill();
        }
        int available = (int) Math.min(bufferPosition + bufferLength - position, end - position);
        int n = Math.min(length, available);
        System.arraycopy(buffer, (int) (position - bufferPosition), target, offset, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    @Override
    public long getPosition() {
        return position - start;
    }

    @Override
    public InputStream newStream(long from, long to) {
        long newStart = start + Math.max(0, from);
        long newEnd = to < 0 ? end : Math.min(end, start + to);
        return new SpoolInputStream(data, newStart, Math.max(newStart, newEnd));
    }

    private boolean buffered(long at) {
        return at >= bufferPosition && at < bufferPosition + bufferLength;
    }

    private void fill() throws IOException {
        if (buffer == null) {
            buffer = new byte[(int) Math.min(BUFFER, end - start)];
        }
        int n = data.readAt(position, buffer, 0, (int) Math.min(buffer.length, end - position));
        if (n <= 0) {
            throw new IOException("spool ended early at " + position);
        }
        bufferPosition = position;
        bufferLength = n;
    }
}
