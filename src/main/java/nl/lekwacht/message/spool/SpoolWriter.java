package nl.lekwacht.message.spool;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects one message: in memory up to the threshold, then in an encrypted temp file. Not
 * thread-safe; one writer per transaction. Either {@link #finish()} or {@link #abort()} it.
 */
public final class SpoolWriter extends OutputStream {

    private final SpoolDirectory directory;
    private final long memoryThreshold;
    private byte[] memory = new byte[8192];
    private int memoryLength;
    private EncryptedSpoolFile file;
    private boolean closed;

    SpoolWriter(SpoolDirectory directory, long memoryThreshold) {
        this.directory = directory;
        this.memoryThreshold = memoryThreshold;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("spool already finished");
        }
        if (file == null && memoryLength + (long) length <= memoryThreshold) {
            if (memoryLength + length > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.min(memoryThreshold,
                        Math.max(memory.length * 2L, memoryLength + (long) length)));
            }
            System.arraycopy(bytes, offset, memory, memoryLength, length);
            memoryLength += length;
            return;
        }
        if (file == null) {
            file = directory.newFile();
            file.append(memory, 0, memoryLength);
            memory = null;
        }
        file.append(bytes, offset, length);
    }

    public long size() {
        return file == null ? memoryLength : file.size();
    }

    /** True once the message outgrew memory and went to an encrypted file. */
    public boolean onDisk() {
        return file != null;
    }

    public Spool finish() {
        closed = true;
        return new Spool(file != null ? file : new MemorySpoolData(memory, memoryLength));
    }

    /** Throws away what was written (a refused or broken transaction). */
    public void abort() {
        closed = true;
        if (file != null) {
            file.discard();
        }
        memory = null;
    }
}
