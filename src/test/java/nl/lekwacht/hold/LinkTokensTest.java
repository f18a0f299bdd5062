package nl.lekwacht.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import nl.lekwacht.support.MovableClock;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private final MovableClock clock = new MovableClock();
    private final LinkTokens tokens = new LinkTokens("a-shared-secret-of-thirty-two-chars!".getBytes(StandardCharsets.UTF_8),
            new SecureRandom(), clock);

    @Test
    void tokensCarry256RandomBitsAndOnlyTheirHashIsKept() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(LinkTokens.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
            assertThat(LinkTokens.hash(token)).hasSize(64).doesNotContain(token);
        }
        assertThat(LinkTokens.wellFormed("short")).isFalse();
        assertThat(LinkTokens.wellFormed(null)).isFalse();
    }

    @Test
    void csrfTokenIsBoundToTheLinkTheSecretAndTime() {
        String csrf = tokens.csrf("hash-a");
        assertThat(tokens.validCsrf("hash-a", csrf, Duration.ofHours(25))).isTrue();
        assertThat(tokens.validCsrf("hash-b", csrf, Duration.ofHours(25))).as("other link").isFalse();
        LinkTokens otherSecret = new LinkTokens("another-secret-of-thirty-two-chars!!".getBytes(StandardCharsets.UTF_8),
                new SecureRandom(), clock);
        assertThat(otherSecret.validCsrf("hash-a", csrf, Duration.ofHours(25))).as("other secret").isFalse();
        assertThat(tokens.validCsrf("hash-a", null, Duration.ofHours(25))).isFalse();
        assertThat(tokens.validCsrf("hash-a", "garbage", Duration.ofHours(25))).isFalse();
        assertThat(tokens.validCsrf("hash-a", "1." + csrf.substring(csrf.indexOf('.') + 1), Duration.ofHours(25)))
                .as("issued time changed").isFalse();
        clock.advance(Duration.ofHours(25).minusSeconds(1));
        assertThat(tokens.validCsrf("hash-a", csrf, Duration.ofHours(25))).as("just under the limit").isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.validCsrf("hash-a", csrf, Duration.ofHours(25))).as("past the limit").isFalse();
    }
}
