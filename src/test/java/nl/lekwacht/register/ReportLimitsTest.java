package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of {@code /melden}: per client address, where an IPv6 client counts by its /64, and an
 * hourly cap over all addresses together; each refusal says so in Dutch and shows in the metrics.
 */
class ReportLimitsTest {

    private static final int PER_ADDRESS = 2;
    private static final int HOURLY = 4;

    @TempDir
    Path data;
    private final MovableClock clock = new MovableClock();
    private final ManualScheduler background = new ManualScheduler();
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web web;
    private String page;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        String yaml = RegisterFixture.yaml("  BSN: monitor\n")
                .replace("  api-tokens:\n", "  trusted-proxies: [127.0.0.0/8]\n  api-tokens:\n")
                .replace("register:\n", "register:\n  report-limit: " + PER_ADDRESS + "\n  report-window: 1h\n"
                        + "  report-hourly-limit: " + HOURLY + "\n");
        gateway = TestGateway.startGateway(data, nextHop.port(), yaml, clock, background);
        web = new RegisterFixture.Web(gateway.webPort());
        page = web.get("/melden").body();
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void ipv6AddressesOfOneSlash64CountAsOneClient() throws Exception {
        assertThat(post("2001:db8:1:2::1").statusCode()).isEqualTo(200);
        assertThat(post("2001:db8:1:2:ffff:ffff:ffff:fffe").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("2001:db8:1:2::abcd");
        assertThat(refused.statusCode()).as("third address in the same /64").isEqualTo(429);
        assertThat(refused.body()).contains("Te veel meldingen").contains("niet opgeslagen");
        assertThat(post("2001:db8:1:3::1").statusCode()).as("the next /64").isEqualTo(200);
        assertThat(metrics()).containsPattern(
                "lekwacht_report_limit_reached_total\\{form=\"melden\",limit=\"address\"} 1\\.0");
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void ipv4AddressesCountEachOnTheirOwn() throws Exception {
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(post("198.51.100.7").statusCode()).isEqualTo(200);
        }
        assertThat(post("198.51.100.7").statusCode()).isEqualTo(429);
        assertThat(post("198.51.100.8").statusCode()).as("the neighbour is someone else").isEqualTo(200);
    }

    @Test
    void reportsOverTheHourlyCapFromAnyAddressAreRefusedUntilTheHourHasPassed() throws Exception {
        for (int i = 0; i < HOURLY; i++) {
            assertThat(post("192.0.2." + (10 + i)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = post("192.0.2.99");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Even geen meldingen").contains("niet opgeslagen");
        assertThat(refused.headers().firstValue("Retry-After")).contains("3600");
        assertThat(metrics()).containsPattern(
                "lekwacht_report_limit_reached_total\\{form=\"melden\",limit=\"hourly\"} 1\\.0");
        assertThat(count()).isEqualTo(HOURLY);

        clock.advance(Duration.ofMinutes(61));
        assertThat(post("192.0.2.99").statusCode()).as("an hour later").isEqualTo(200);
    }

    private HttpResponse<String> post(String client) throws Exception {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", RegisterFixture.hidden(page, "csrf"));
        form.put("what-happened", "Brief bij de buren bezorgd");
        form.put("when", "gisteren");
        form.put("which-data", "naam");
        form.put("data-lost", "no");
        form.put("received-others-data", "yes");
        form.put("own-data-received", "unknown");
        form.put("misdelivered-post", "yes");
        form.put("website", "");
        return web.post("/melden", form, "X-Forwarded-For", client);
    }

    private String metrics() throws Exception {
        return web.get("/metrics").body();
    }

    private int count() throws Exception {
        try (Connection c = gateway.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM register_incident");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
