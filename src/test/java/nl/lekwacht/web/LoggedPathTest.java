package nl.lekwacht.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedPathTest {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

    @Test
    void tokensOfHoldAndReportLinksNeverReachTheLog() {
        assertThat(LoggedPath.of("/h/" + TOKEN)).isEqualTo("/h/{token}");
        assertThat(LoggedPath.of("/r/" + TOKEN)).isEqualTo("/r/{token}");
        assertThat(LoggedPath.of("/h/" + TOKEN + "/download")).isEqualTo("/h/{token}/download");
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertThat(LoggedPath.of("/register/12")).isEqualTo("/register/12");
        assertThat(LoggedPath.of("/h/")).isEqualTo("/h/");
    }
}
