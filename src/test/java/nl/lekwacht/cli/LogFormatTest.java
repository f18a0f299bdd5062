package nl.lekwacht.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.LoggingConfig;
import nl.lekwacht.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code logging.format: json} writes one JSON object per line, the per-transaction pairs as fields,
 * masked like the text format; {@code text} (the default) keeps the readable line.
 */
class LogFormatTest {

    private static final String ORGANISATION = "organisation:\n  internal-domains: [gemeente.example]\n";

    @Test
    void jsonFormatWritesOneMaskedObjectPerLineWithTheTransactionPairsAsFields() throws Exception {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(ORGANISATION + "logging:\n  format: json\n");
        assertThat(config.problems()).isEmpty();
        try (AutoCloseable restore = LogFormat.apply(config.logging()); LogCapture log = LogCapture.open()) {
            LoggerFactory.getLogger("nl.lekwacht.messages").info(
                    "queue=ABC123 nexthop_id=- client=127.0.0.1 sender_domain=gemeente.example rcpts=2 size=100 "
                            + "verdict=DELIVER codes=- reply=250 took_ms=12");
            LoggerFactory.getLogger("nl.lekwacht.test").warn("next hop said 550 5.1.1 <jan.jansen@example.org> "
                    + "unknown; BSN 111222333; GET /h/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg failed",
                    new IllegalStateException("for a.visser@gemeente.example"));

            List<String> lines = log.text().lines().toList();
            assertThat(lines).hasSize(2);
            ObjectMapper json = new ObjectMapper();
            JsonNode transaction = json.readTree(lines.get(0));
            assertThat(transaction.get("level").asText()).isEqualTo("INFO");
            assertThat(transaction.get("logger").asText()).isEqualTo("nl.lekwacht.messages");
            assertThat(transaction.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            assertThat(transaction.get("verdict").asText()).isEqualTo("DELIVER");
            assertThat(transaction.get("reply").asText()).isEqualTo("250");
            assertThat(transaction.get("queue").asText()).isEqualTo("ABC123");
            JsonNode other = json.readTree(lines.get(1));
            assertThat(other.get("message").asText()).contains("*@example.org", "*****2333", "/h/{token}")
                    .doesNotContain("jan.jansen", "111222333", "AbCdEfGh");
            assertThat(other.get("exception").asText()).contains("IllegalStateException", "*@gemeente.example")
                    .doesNotContain("a.visser");
            assertThat(other.has("verdict")).as("pairs only for the transaction lines").isFalse();
        }
    }

    @Test
    void textIsTheDefaultAndKeepsTheReadableLine() throws Exception {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(ORGANISATION);
        assertThat(config.logging().format()).isEqualTo(LoggingConfig.Format.TEXT);
        try (AutoCloseable restore = LogFormat.apply(config.logging()); LogCapture log = LogCapture.open()) {
            LoggerFactory.getLogger("nl.lekwacht.messages").info("queue=ABC123 verdict=DELIVER reply=250");
            assertThat(log.text()).contains("nl.lekwacht.messages - queue=ABC123 verdict=DELIVER reply=250")
                    .doesNotStartWith("{");
        }
    }

    @Test
    void anUnknownFormatIsAProblemWithItsKey() {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse(ORGANISATION + "logging:\n  format: xml\n");
        assertThat(config.problems()).singleElement().asString().contains("logging.format")
                .contains("text, json");
    }
}
