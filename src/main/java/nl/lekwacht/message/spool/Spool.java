package nl.lekwacht.message.spool;

import java.io.InputStream;

/**
 * The raw bytes of one received message, exactly as the client sent them (dot-unstuffed), kept in
 * memory when small and in an encrypted temp file otherwise. Readable any number of times and from
 * several threads; {@link #discard()} frees it when the transaction is over.
 */
public final class Spool implements AutoCloseable {

    private final SpoolData data;

    Spool(SpoolData data) {
        this.data = data;
    }

    /** A spool over bytes already in memory, for messages that never came over SMTP (tests, scan). */
    public static Spool ofBytes(byte[] bytes) {
        return new Spool(new MemorySpoolData(bytes.clone(), bytes.length));
    }

    public long size() {
        return data.size();
    }

    /**
     * A stream over the whole message that also implements {@link jakarta.mail.internet.SharedInputStream},
     * so that the MIME parser reads parts in place instead of copying them into memory.
     */
    public InputStream open() {
        return new SpoolInputStream(data, 0, data.size());
    }

    public void discard() {
        data.discard();
    }

    @Override
    public void close() {
        discard();
    }
}
