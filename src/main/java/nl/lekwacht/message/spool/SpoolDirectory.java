package nl.lekwacht.message.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where large messages are spooled while a transaction lasts. The encryption key is made at start-up
 * and never written anywhere, so files from an earlier run cannot be read and are deleted by
 * {@link #sweep()}.
 */
public final class SpoolDirectory {

    private static final Logger log = LoggerFactory.getLogger(SpoolDirectory.class);
    private static final String SUFFIX = ".spool";

    private final Path directory;
    private final long memoryThreshold;
    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    public SpoolDirectory(Path directory, long memoryThreshold) throws IOException {
        this.directory = directory;
        this.memoryThreshold = memoryThreshold;
        Files.createDirectories(directory);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            this.key = generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    }

    /** Deletes spool files left by a previous run (a crash, kill -9); returns how many. */
    public int sweep() throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("swept {} spool file(s) left by an earlier run", deleted);
        }
        return deleted;
    }

    public SpoolWriter newWriter() {
        return new SpoolWriter(this, memoryThreshold);
    }

    EncryptedSpoolFile newFile() throws IOException {
        return new EncryptedSpoolFile(directory.resolve(UUID.randomUUID() + SUFFIX), key, random);
    }
}
