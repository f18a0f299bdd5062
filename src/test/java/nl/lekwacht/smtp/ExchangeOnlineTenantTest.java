package nl.lekwacht.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exchange Online's shared ranges relay only the organisation's own tenant: 127.0.0.2 plays Exchange
 * Online, 127.0.0.1 the organisation's own MTA, which the check leaves alone.
 */
class ExchangeOnlineTenantTest {

    private static final String OURS = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private static final String THEIRS = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), """
                smtp:
                  listen: 127.0.0.1:0
                  hostname: relay.test
                  spool-directory: %s
                  allowed-networks: [127.0.0.1/32]
                  exchange-online:
                    tenant-id: %s
                    networks: [127.0.0.2/32]
                """.formatted(data.resolve("spool"), OURS.toUpperCase()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void relaysExchangeOnlineMailOfTheOrganisationsOwnTenant() throws Exception {
        assertThat(send("127.0.0.2", "X-MS-Exchange-CrossTenant-Id: " + OURS + "\r\n")).startsWith("250");
        assertThat(nextHop.received()).hasSize(1);
    }

    @Test
    void refusesExchangeOnlineMailOfAnotherTenantAndLogsIt() throws Exception {
        try (LogCapture log = LogCapture.open()) {
            assertThat(send("127.0.0.2", "X-MS-Exchange-CrossTenant-Id: " + THEIRS + "\r\n"))
                    .isEqualTo("550 5.7.1 Relay access denied: message from another Exchange Online tenant");
            assertThat(log.text()).contains("verdict=REFUSED refused=OTHER_TENANT tenant=" + THEIRS + " reply=550");
        }
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void refusesExchangeOnlineMailWithoutTheTenantHeader() throws Exception {
        assertThat(send("127.0.0.2", "")).startsWith("550 5.7.1 Relay access denied: no X-MS-Exchange-CrossTenant-Id");
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void refusesAForgedTenantHeaderNextToExchangeOnlinesOwnStamp() throws Exception {
        assertThat(send("127.0.0.2", "X-MS-Exchange-CrossTenant-Id: " + OURS + "\r\n"
                + "x-ms-exchange-crosstenant-id: " + THEIRS + "\r\n")).startsWith("550 5.7.1");
        assertThat(nextHop.received()).isEmpty();
    }

    @Test
    void leavesClientsOutsideTheExchangeOnlineNetworksAlone() throws Exception {
        assertThat(send("127.0.0.1", "")).startsWith("250");
        assertThat(send("127.0.0.1", "X-MS-Exchange-CrossTenant-Id: " + THEIRS + "\r\n")).startsWith("250");
        assertThat(nextHop.received()).hasSize(2);
    }

    @Test
    void keepsTheOtherTransactionsOfTheSessionWorking() throws Exception {
        try (SmtpTestClient client = connect("127.0.0.2")) {
            assertThat(transaction(client, "X-MS-Exchange-CrossTenant-Id: " + THEIRS + "\r\n")).startsWith("550");
            assertThat(transaction(client, "X-MS-Exchange-CrossTenant-Id: " + OURS + "\r\n")).startsWith("250");
        }
        assertThat(nextHop.received()).hasSize(1);
    }

    @Test
    void refusesATenantIdThatIsNoGuidAndNetworksWithoutATenant() {
        LekwachtConfig config = new ConfigLoader(Map.of()).parse("""
                smtp:
                  exchange-online:
                    tenant-id: contoso.onmicrosoft.com
                    networks: [40.92.0.0/15]
                """);
        assertThat(config.problems().toString()).contains("smtp.exchange-online.tenant-id");
        LekwachtConfig withoutTenant = new ConfigLoader(Map.of()).parse("""
                smtp:
                  exchange-online:
                    networks: [40.92.0.0/15]
                """);
        assertThat(withoutTenant.problems().toString()).contains("smtp.exchange-online.tenant-id")
                .contains("required when smtp.exchange-online.networks is set");
    }

    private String send(String from, String tenantHeader) throws Exception {
        try (SmtpTestClient client = connect(from)) {
            return transaction(client, tenantHeader);
        }
    }

    private SmtpTestClient connect(String from) throws Exception {
        SmtpTestClient client = new SmtpTestClient("127.0.0.1", gateway.smtpPort(), InetAddress.getByName(from));
        assertThat(client.reply()).startsWith("220");
        assertThat(client.command("EHLO mail.protection.outlook.test")).startsWith("250");
        return client;
    }

    private static String transaction(SmtpTestClient client, String tenantHeader) throws Exception {
        assertThat(client.command("MAIL FROM:<alice@gemeente.example>")).startsWith("250");
        assertThat(client.command("RCPT TO:<jan@example.org>")).startsWith("250");
        assertThat(client.command("DATA")).startsWith("354");
        client.send("From: alice@gemeente.example\r\nTo: jan@example.org\r\nSubject: afspraak\r\n" + tenantHeader
                + "\r\nTot dinsdag.\r\n.\r\n");
        return client.reply();
    }
}
