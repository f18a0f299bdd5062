package nl.lekwacht.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instances on one store must share their secrets; a different one is refused at start-up. */
class SecretFingerprintsTest {

    @TempDir
    Path data;

    @Test
    void acceptsTheSameSecretAgainAndRefusesADifferentOneNamingTheKey() {
        try (Database database = Database.open(DatabaseTest.h2(data))) {
            SecretFingerprints first = new SecretFingerprints(database.dataSource(), Clock.systemUTC());
            first.verify("hold.link-secret", bytes("een-geheim-van-minstens-32-tekens!!"));
            SecretFingerprints second = new SecretFingerprints(database.dataSource(), Clock.systemUTC());
            second.verify("hold.link-secret", bytes("een-geheim-van-minstens-32-tekens!!"));
            assertThatThrownBy(() -> second.verify("hold.link-secret", bytes("een-ander-geheim-van-32-tekens!!!!")))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("hold.link-secret differs");
        }
    }

    @Test
    void fingerprintRevealsNothingOfTheSecret() {
        String fingerprint = SecretFingerprints.fingerprint(bytes("een-geheim-van-minstens-32-tekens!!"));
        assertThat(fingerprint).hasSize(64).doesNotContain("geheim");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
