package nl.lekwacht.message.spool;

/** A small message held in memory. */
final class MemorySpoolData implements SpoolData {

    private final byte[] bytes;
    private final int length;

    MemorySpoolData(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public int readAt(long position, byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        System.arraycopy(bytes, (int) position, buffer, offset, n);
        return n;
    }

    @Override
    public byte[] inMemory() {
        return bytes;
    }

    @Override
    public void discard() {
        // garbage collection frees it
    }
}
