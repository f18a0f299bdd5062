package nl.lekwacht.hold;

import java.io.IOException;
import java.io.InputStream;

/** Reads sealed content back, one chunk at a time; fails when the chunks end before the last one. */
final class SealedInputStream extends InputStream {

    private final String contentId;
    private final ContentCipher.ChunkReader chunks;
    private final ContentCipher cipher;
    private byte[] buffer = new byte[0];
    private int position;
    private int seq;
    private boolean ended;

    SealedInputStream(String contentId, ContentCipher.ChunkReader chunks, ContentCipher cipher) {
        this.contentId = contentId;
        this.chunks = chunks;
        this.cipher = cipher;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (position >= buffer.length) {
            if (ended) {
                return false;
            }
            byte[] sealed = chunks.chunk(contentId, seq);
            if (sealed == null) {
                throw new IOException("sealed content " + contentId + " is missing or cut off at chunk " + seq);
            }
            boolean[] last = new boolean[1];
            buffer = cipher.openChunk(contentId, seq, last, sealed);
            position = 0;
            ended = last[0];
            seq++;
        }
        return true;
    }
}
