package nl.lekwacht.message.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A spooled message on disk, encrypted with AES-CTR under a key that exists only in this process's
 * memory: a file left behind by a crash is unreadable noise, swept at the next start.
 *
 * <p>CTR mode is chosen because it is seekable: the MIME parser reads parts at arbitrary offsets, and
 * any block can be decrypted from the counter alone. The file is written once, in order, by
 * {@link SpoolWriter}; reads may come from several threads.
 */
final class EncryptedSpoolFile implements SpoolData {

    private static final Logger log = LoggerFactory.getLogger(EncryptedSpoolFile.class);
    private static final int BLOCK = 16;

    private final Path path;
    private final SecretKey key;
    private final byte[] iv;
    private final FileChannel channel;
    private long size;
    /** The writer's buffer for cipher text (one writer, so one buffer). */
    private byte[] encrypted = new byte[0];

    EncryptedSpoolFile(Path path, SecretKey key, SecureRandom random) throws IOException {
        this.path = path;
        this.key = key;
        this.iv = new byte[BLOCK];
        random.nextBytes(iv);
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** Appends plaintext; only the writer calls this, before any read. */
    void append(byte[] plain, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (encrypted.length < length) {
            encrypted = new byte[length];
        }
        crypt(size, plain, offset, length, encrypted, 0);
        ByteBuffer buffer = ByteBuffer.wrap(encrypted, 0, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer, size + buffer.position());
        }
        size += length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int readAt(long position, byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        // the cipher text goes straight into the caller's buffer and is decrypted there: no copies
        ByteBuffer cipherText = ByteBuffer.wrap(buffer, offset, n);
        while (cipherText.hasRemaining()) {
            int read = channel.read(cipherText, position + cipherText.position() - offset);
            if (read < 0) {
                throw new IOException("spool file shorter than written: " + path.getFileName());
            }
        }
        crypt(position, buffer, offset, n, buffer, offset);
        return n;
    }

    @Override
    public void discard() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete spool file {}: {}", path.getFileName(), e.toString());
        }
    }

    /**
     * Encrypts or decrypts (the same in CTR mode) bytes that stand at {@code position} in the stream,
     * into {@code output} (which may be the input: the cipher is copy-safe).
     */
    private void crypt(long position, byte[] input, int offset, int length, byte[] output, int outputOffset) {
        try {
            long block = position / BLOCK;
            int skip = (int) (position % BLOCK);
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterAt(block)));
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            cipher.update(input, offset, length, output, outputOffset);
        } catch (GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException("AES-CTR unavailable", e));
        }
    }

    private byte[] counterAt(long block) {
        BigInteger counter = new BigInteger(1, iv).add(BigInteger.valueOf(block));
        byte[] raw = counter.toByteArray();
        byte[] out = new byte[BLOCK];
        int copy = Math.min(raw.length, BLOCK);
        System.arraycopy(raw, raw.length - copy, out, BLOCK - copy, copy);
        return out;
    }
}
