package nl.lekwacht.message.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedSpoolFileTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWrittenAtAnyPositionAndLength() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey key = generator.generateKey();
        Random random = new Random(3);
        byte[] plain = new byte[300_000];
        random.nextBytes(plain);
        EncryptedSpoolFile file = new EncryptedSpoolFile(dir.resolve("spool"), key, new SecureRandom());
        for (int at = 0; at < plain.length; ) {
            int n = Math.min(plain.length - at, random.nextInt(3) == 0 ? 1 + random.nextInt(20) : random.nextInt(40_000));
            file.append(plain, at, n);
            at += n;
        }

        assertThat(file.size()).isEqualTo(plain.length);
        byte[] onDisk = Files.readAllBytes(dir.resolve("spool"));
        assertThat(onDisk).hasSize(plain.length).isNotEqualTo(plain);
        for (int i = 0; i < 500; i++) {
            int position = random.nextInt(plain.length);
            int length = 1 + random.nextInt(20_000);
            byte[] buffer = new byte[length + 10];
            int n = file.readAt(position, buffer, 7, length);
            assertThat(n).isEqualTo(Math.min(length, plain.length - position));
            assertThat(Arrays.copyOfRange(buffer, 7, 7 + n)).isEqualTo(Arrays.copyOfRange(plain, position, position + n));
        }
        assertThat(file.readAt(plain.length, new byte[10], 0, 10)).isEqualTo(-1);
        file.discard();
    }
}
