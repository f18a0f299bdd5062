package nl.lekwacht.message.spool;

import java.io.IOException;

/** Random-access reading of spooled bytes, in memory or in an encrypted file. */
interface SpoolData {

    long size();

    /**
     * Reads up to {@code length} bytes at {@code position}.
     *
     * @return bytes read, or -1 at the end
     */
    int readAt(long position, byte[] buffer, int offset, int length) throws IOException;

    /**
     * The bytes themselves when they are in memory (the first {@link #size()} of them count), for
     * reading in place; null for a file. Never written to.
     */
    default byte[] inMemory() {
        return null;
    }

    /** Frees memory or deletes the file; later reads fail. */
    void discard();
}
