package nl.lekwacht.register;

import static nl.lekwacht.register.RegisterFixture.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.LogCapture;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the log holds after the paths that carry the most personal data, at the most talkative level the
 * tests run ({@code nl.lekwacht.messages} at DEBUG): a BSN mail to thirty visible residents held, its
 * notice followed, sent anyway; a mail with an IBAN delivered and reported through its link; a resident
 * refused by the next hop. No line names a recipient (not even in a finding's details or the next hop's
 * reply), shows the BSN or carries a link's token.
 */
class NothingPersonalInTheLogTest {

    private static final Pattern HOLD_LINK = Pattern.compile("https?://[^\\s/\"<>]+(/h/([A-Za-z0-9_-]{43}))");
    private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s/\"<>]+(/r/([A-Za-z0-9_-]{43}))");

    @TempDir
    Path data;

    @Test
    void noLineNamesARecipientShowsTheBsnOrCarriesALinkToken() throws Exception {
        ManualScheduler background = new ManualScheduler();
        List<String> residents = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            residents.add("inwoner.nummer" + i + "@gmail.com");
        }
        String bsn = RegisterFixture.bsn(42);
        List<String> tokens = new ArrayList<>();
        try (CapturingNextHop nextHop = new CapturingNextHop(); LogCapture log = LogCapture.open()) {
            nextHop.refuseRecipients(java.util.Set.of("verhuisd.inwoner@ziggo.nl"));
            try (Gateway gateway = TestGateway.startGateway(data, nextHop.port(),
                    RegisterFixture.yaml("  IBAN: monitor\n"), background)) {
                RegisterFixture.Web web = new RegisterFixture.Web(gateway.webPort());

                assertThat(RegisterFixture.send(gateway.smtpPort(), residents, RegisterFixture.message("Uitnodiging",
                        "lijst-met-bsn", residents, "Beste bewoners, het BSN van de aanvrager is " + bsn + ".\r\n")))
                        .startsWith("250 2.6.0 Held");
                var hold = RegisterFixture.settled(background, "hold notice",
                        () -> RegisterFixture.mailMatching(nextHop, SENDER, HOLD_LINK));
                tokens.add(hold.group(2));
                HttpResponse<String> page = web.get(hold.group(1));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(web.post(hold.group(1), Map.of("csrf", RegisterFixture.hidden(page.body(), "csrf"),
                        "action", "send", "reason", "Wettelijke grondslag")).statusCode()).isEqualTo(200);
                background.runQueued();

                List<String> one = List.of("p.devries@gmail.com");
                assertThat(RegisterFixture.send(gateway.smtpPort(), one, RegisterFixture.message("Terugbetaling",
                        "iban", one, "Wij storten het bedrag op IBAN NL91 ABNA 0417 1643 00.\r\n"))).startsWith("250");
                var report = RegisterFixture.settled(background, "report notice",
                        () -> RegisterFixture.mailMatching(nextHop, SENDER, REPORT_LINK));
                tokens.add(report.group(2));
                String csrf = RegisterFixture.hidden(web.get(report.group(1)).body(), "csrf");
                web.post(report.group(1), Map.of("csrf", csrf, "statement", "Naar de verkeerde persoon"));
                web.get("/h/" + "x".repeat(43)); // an unknown link is logged as a path too

                try (var client = new nl.lekwacht.support.SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
                    client.reply();
                    client.command("EHLO client.test");
                    client.command("MAIL FROM:<" + SENDER + ">");
                    assertThat(client.command("RCPT TO:<verhuisd.inwoner@ziggo.nl>")).startsWith("550");
                    client.command("RSET");
                }
                background.runQueued();
            }
            String text = log.text();
            assertThat(text).as("the paths above were logged").contains("verdict=HOLD", "codes=IBAN",
                    "refused=RCPT");
            for (String resident : residents) {
                assertThat(text).doesNotContain(resident.substring(0, resident.indexOf('@')) + "@");
            }
            assertThat(text).doesNotContain("p.devries@", "verhuisd.inwoner", bsn, "NL91ABNA0417164300",
                    "NL91 ABNA 0417 1643 00");
            for (String token : tokens) {
                assertThat(text).doesNotContain(token);
            }
            assertThat(text).doesNotContain("x".repeat(43));
        }
    }
}
