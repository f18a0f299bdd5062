package nl.lekwacht.message.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What is left of one message's extraction budget inside the parser process: characters of text and
 * bytes unpacked from containers. Once a limit is reached it stays reached for the rest of the message.
 * Used by one thread at a time.
 */
final class MessageBudget {

    /** Thrown through the parsers when unpacking went past the budget. */
    static final class UnpackLimitException extends IOException {
        UnpackLimitException(String message) {
            super(message);
        }
    }

    private final long maxChars;
    private final long maxUnpacked;
    private final long maxRatio;
    private long chars;
    private long unpacked;
    private long unpackedHere;
    private long attachmentBytes;
    /** Characters of text taken before the current attachment started. */
    private long charsBefore;
    private String exceeded;

    MessageBudget(long maxChars, long maxUnpacked, long maxRatio) {
        this.maxChars = maxChars;
        this.maxUnpacked = maxUnpacked;
        this.maxRatio = maxRatio;
    }

    /** A budget in this one's state, to go back to when an attachment turns out not to count. */
    MessageBudget copy() {
        MessageBudget copy = new MessageBudget(maxChars, maxUnpacked, maxRatio);
        copy.chars = chars;
        copy.unpacked = unpacked;
        copy.unpackedHere = unpackedHere;
        copy.attachmentBytes = attachmentBytes;
        copy.charsBefore = charsBefore;
        copy.exceeded = exceeded;
        return copy;
    }

    /**
     * Starts a new attachment of {@code size} bytes: the compression ratio is measured against it, and a
     * limit reached by the previous attachment is forgotten unless it is one of the whole message.
     */
    void startAttachment(long size) {
        attachmentBytes = Math.max(1, size);
        unpackedHere = 0;
        charsBefore = chars;
        exceeded = null;
    }

    /** @return how many of {@code wanted} characters may still be added (0 once the budget is used up) */
    int takeChars(int wanted) {
        long left = maxChars - chars;
        if (left <= 0) {
            exceed(textLimit());
            return 0;
        }
        int granted = (int) Math.min(wanted, left);
        chars += granted;
        if (granted < wanted) {
            exceed(textLimit());
        }
        return granted;
    }

    /** Says that the part was read only in part, and how far: the read text is still inspected. */
    private String textLimit() {
        return "text-limit: extracted text over " + maxChars + " characters for the message; read the first "
                + (chars - charsBefore) + " characters of this part, the rest was not inspected";
    }

    /** A stream over a file inside a container that counts what it unpacks and fails past the limit. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // read through instead of skipping, so that skipped bytes are unpacked and counted
                byte[] buffer = new byte[8192];
                long skipped = 0;
                while (skipped < n) {
                    int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                    if (r < 0) {
                        break;
                    }
                    skipped += r;
                }
                return skipped;
            }
        };
    }

    /**
     * Checks what a container says it will unpack (a ZIP's directory lists every file's size) before
     * anything is unpacked, so a bomb is refused at once. Sizes may lie; counting still applies.
     */
    void declare(long declaredBytes) throws UnpackLimitException {
        long here = unpackedHere + declaredBytes;
        if (here > ExtractionSettings.RATIO_FLOOR && here / attachmentBytes > maxRatio) {
            throw new UnpackLimitException(exceed("compression ratio over " + maxRatio + " (zip bomb)"));
        }
        if (unpacked + declaredBytes > maxUnpacked) {
            throw new UnpackLimitException(exceed("unpacked size of the message over " + maxUnpacked + " bytes"));
        }
    }

    private void count(long n) throws UnpackLimitException {
        unpacked += n;
        unpackedHere += n;
        if (unpackedHere > ExtractionSettings.RATIO_FLOOR && unpackedHere / attachmentBytes > maxRatio) {
            throw new UnpackLimitException(exceed("compression ratio over " + maxRatio + " (zip bomb)"));
        }
        if (unpacked > maxUnpacked) {
            throw new UnpackLimitException(exceed("unpacked size of the message over " + maxUnpacked + " bytes"));
        }
    }

    private String exceed(String why) {
        if (exceeded == null) {
            exceeded = why;
        }
        return why;
    }

    boolean isExceeded() {
        return exceeded != null;
    }

    String exceededReason() {
        return exceeded;
    }

    boolean textLeft() {
        return chars < maxChars;
    }
}
