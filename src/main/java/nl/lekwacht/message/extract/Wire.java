package nl.lekwacht.message.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The little protocol between the gateway and a parser process, over the child's stdin and stdout.
 *
 * <pre>
 * child  -> parent  READY once the parsers are loaded
 * parent -> child   REQUEST, limits, attachment count, then per attachment: name, declared type and the
 *                   content as length-prefixed chunks ending in 0 (complete) or -1 (dropped: over the limit)
 * child  -> parent  per attachment any number of TEXT and PROBLEM records, then DONE; after the last one
 *                   OCR (five counts, {@link OcrCounts}) and END
 * </pre>
 *
 * The child reads a whole request before it writes anything, so neither side can block the other on a
 * full pipe. Strings are length-prefixed UTF-8 (texts may be far longer than {@code writeUTF} allows).
 */
final class Wire {

    static final byte READY = 'R';
    static final int REQUEST = 0x4C4B5701;
    static final byte TEXT = 'T';
    static final byte PROBLEM = 'P';
    static final byte DONE = 'D';
    static final byte END = 'E';
    static final byte OCR = 'O';
    static final int CHUNK_END = 0;
    static final int CHUNK_DROPPED = -1;
    static final int CHUNK_SIZE = 64 * 1024;

    /** Longest name, location or note: a path of file names, never content. */
    static final int MAX_LABEL_BYTES = 64 * 1024;

    private Wire() {
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a string of at most {@code maxBytes}; a longer one means a broken or hostile stream. */
    static String readString(DataInputStream in, long maxBytes) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new IOException("string of " + length + " bytes where at most " + maxBytes + " may come");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String readLabel(DataInputStream in) throws IOException {
        return readString(in, MAX_LABEL_BYTES);
    }

    /** Reads one byte that must be there; end of stream is an error. */
    static byte readTag(DataInputStream in) throws IOException {
        int tag = in.read();
        if (tag < 0) {
            throw new EOFException("parser process closed its output");
        }
        return (byte) tag;
    }
}
