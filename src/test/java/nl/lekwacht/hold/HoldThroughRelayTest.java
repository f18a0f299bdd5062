package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hold and confirm end to end: a real relay, a capturing next hop that keeps raw bytes, and the
 * sender's link followed with a real HTTP client.
 */
class HoldThroughRelayTest {

    private static final String BOB = "bob@extern.example";

    @TempDir
    Path data;

    private CapturingNextHop nextHop;
    private Gateway gateway;
    private final ManualScheduler background = new ManualScheduler();
    private final HoldFixture web = HoldFixture.create();

    @BeforeEach
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), HoldFixture.HOLD_YAML, background);
    }

    @AfterEach
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void heldMessageIsNotDeliveredAndSendDeliversTheOriginalByteIdenticalOnce() throws Exception {
        String message = HoldFixture.bsnMessage("Aanvraag", List.of(BOB), 1);
        String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB), message));

        HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
        assertThat(link.base()).isEqualTo("http://127.0.0.1:0");
        assertThat(link.notification().recipients()).containsExactly(SENDER);
        String notice = HoldFixture.decoded(link.notification());
        assertThat(notice).contains("Burgerservicenummer").contains(BOB).doesNotContain(HoldFixture.bsn(1));
        assertThat(to(nextHop, BOB)).as("held, not delivered").isEmpty();

        HttpResponse<String> page = web.get(gateway.webPort(), link.token());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Aanvraag").contains(BOB).contains("name=\"action\" value=\"send\"")
                .doesNotContain(HoldFixture.bsn(1));

        HttpResponse<String> noReason = web.act(gateway.webPort(), link.token(), "send", "");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Geef een reden op");

        HttpResponse<String> sent = web.act(gateway.webPort(), link.token(), "send", "Wettelijke taak");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Het bericht wordt verzonden");
        background.runQueued(); // the decision woke the hold loop: the release goes out
        assertThat(to(nextHop, BOB)).as("released").isNotEmpty();

        byte[] delivered = to(nextHop, BOB).get(0).data();
        String whole = new String(delivered, StandardCharsets.UTF_8);
        assertThat(whole).startsWith("Received: from client.test ([127.0.0.1])\r\n\tby relay.test (Lekwacht)");
        int afterTrace = whole.indexOf("\r\n", whole.indexOf("X-Lekwacht: HOLD; BSN")) + 2;
        assertThat(whole.substring(0, afterTrace).lines().filter(l -> !l.startsWith("\t")).count())
                .as("exactly two prepended header lines").isEqualTo(2);
        assertThat(whole.substring(afterTrace)).as("the original, byte for byte").isEqualTo(message);
        assertThat(to(nextHop, BOB).get(0).sender()).isEqualTo(SENDER);

        HttpResponse<String> replay = web.post(gateway.webPort(), link.token(), HoldFixture.csrf(page.body()),
                "send", "nog een keer");
        assertThat(replay.statusCode()).as("a used link acts once").isEqualTo(409);
        HttpResponse<String> after = web.get(gateway.webPort(), link.token());
        assertThat(after.body()).contains("Het bericht wordt verzonden").doesNotContain("name=\"csrf\"");
        background.runQueued();
        background.runRound(ManualScheduler.HOLD_LOOP); // a wrongly repeated delivery would go out now
        assertThat(to(nextHop, BOB)).as("delivered once").hasSize(1);
    }

    @Test
    void cancelDeliversNothing() throws Exception {
        String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB),
                HoldFixture.bsnMessage("Annuleren", List.of(BOB), 2)));
        HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
        String csrf = HoldFixture.csrf(web.get(gateway.webPort(), link.token()).body());
        HttpResponse<String> cancelled = web.post(gateway.webPort(), link.token(), csrf, "cancel", null);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("Het bericht is niet verzonden");
        HttpResponse<String> again = web.post(gateway.webPort(), link.token(), csrf, "send", "toch");
        assertThat(again.statusCode()).as("a used link changes nothing").isEqualTo(409);
        background.runQueued();
        background.runRound(ManualScheduler.HOLD_LOOP);
        assertThat(to(nextHop, BOB)).isEmpty();
    }

    @Test
    void sendBccDeliversWithoutExternalRecipientsInToOrCcWhileEveryRecipientGetsIt() throws Exception {
        List<String> all = List.of("p1.test@gmail.com", "p2.test@hotmail.com", "p3.test@ziggo.nl",
                "collega@gemeente.example");
        String message = "From: Alice <" + SENDER + ">\r\n"
                + "To: Piet <p1.test@gmail.com>, p2.test@hotmail.com,\r\n p3.test@ziggo.nl\r\n"
                + "Cc: Collega <collega@gemeente.example>\r\n"
                + "Subject: Uitnodiging informatieavond\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Welkom op de informatieavond.\r\n";
        String reply = HoldFixture.send(gateway.smtpPort(), SENDER, all, message);
        String ref = HoldFixture.heldReference(reply);
        HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
        assertThat(HoldFixture.decoded(link.notification())).contains("Ontvangers zien elkaars adres");

        HttpResponse<String> done = web.act(gateway.webPort(), link.token(), "send-bcc", null);
        assertThat(done.statusCode()).isEqualTo(200);
        background.runQueued();
        assertThat(to(nextHop, "p1.test@gmail.com")).as("released as Bcc").isNotEmpty();
        CapturingNextHop.Received got = to(nextHop, "p1.test@gmail.com").get(0);
        assertThat(got.recipients()).as("envelope unchanged").containsExactlyElementsOf(all);
        String whole = HoldFixture.text(got);
        String header = whole.substring(0, whole.indexOf("\r\n\r\n") + 2);
        assertThat(header).contains("To: undisclosed-recipients:;\r\n")
                .contains("Cc: Collega <collega@gemeente.example>\r\n")
                .doesNotContain("gmail.com").doesNotContain("hotmail.com").doesNotContain("ziggo.nl")
                .doesNotContainIgnoringCase("Bcc:");
        assertThat(whole.substring(whole.indexOf("\r\n\r\n"))).isEqualTo("\r\n\r\nWelkom op de informatieavond.\r\n");
        assertThat(whole).contains("Subject: Uitnodiging informatieavond\r\nMIME-Version: 1.0\r\n");
    }

    @Test
    void removeRecipientDropsExactlyThatRecipient() throws Exception {
        String carol = "carol@extern.example";
        String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, List.of(BOB, carol),
                HoldFixture.bsnMessage("Twee ontvangers", List.of(BOB, carol), 3)));
        HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
        HttpResponse<String> none = web.act(gateway.webPort(), link.token(), "remove-recipient", "grondslag");
        assertThat(none.statusCode()).as("no recipient chosen").isEqualTo(422);
        HttpResponse<String> done = web.act(gateway.webPort(), link.token(), "remove-recipient", "grondslag", carol);
        assertThat(done.statusCode()).isEqualTo(200);
        background.runQueued(); // the decision woke the hold loop: the release goes out
        assertThat(to(nextHop, BOB)).as("released").isNotEmpty();
        assertThat(to(nextHop, BOB).get(0).recipients()).containsExactly(BOB);
        background.runRound(ManualScheduler.HOLD_LOOP);
        assertThat(to(nextHop, carol)).isEmpty();
    }
}
