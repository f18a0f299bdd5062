package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.Browser;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The confirmation page in a real browser: Debian's chromium and chromedriver (paths given, so
 * nothing is downloaded), at phone width, checked by axe-core for WCAG 2.1 AA, photographed, and used
 * to take an action. Needs {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver} and axe-core from
 * npm in {@code node_modules/axe-core}; without them the test is skipped with a message, except under
 * {@code CI=true}, where it fails.
 */
class ConfirmPageBrowserTest {

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();

    @Test
    void pageAtPhoneWidthMeetsWcag21AaAndCompletesAnAction() throws Exception {
        Browser.requireInstalled();
        List<String> recipients = List.of("p1.test@gmail.com", "p2.test@hotmail.com", "p3.test@ziggo.nl");
        String message = "From: Alice <" + SENDER + ">\r\n"
                + "To: p1.test@gmail.com, p2.test@hotmail.com, p3.test@ziggo.nl\r\n"
                + "Subject: Uitnodiging bewonersavond\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Beste bewoners, BSN van de aanvrager: " + HoldFixture.bsn(41) + ".\r\n";
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), HoldFixture.HOLD_YAML, background)) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, recipients, message));
            HoldFixture.Link link = HoldFixture.notification(background, nextHop, SENDER, ref);
            try (Browser browser = Browser.atPhoneWidth()) {
                browser.driver.get("http://127.0.0.1:" + gateway.webPort() + "/h/" + link.token());
                browser.awaitHeading("Uw bericht is nog niet verzonden");
                assertThat(((Number) browser.driver.executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                        .as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
                browser.assertNoViolations("confirmation");
                browser.screenshot("hold-page-phone.png");

                browser.driver.findElement(By.id("reason-bcc")).sendKeys("Wettelijke taak: uitnodiging aan aanvragers");
                browser.driver.findElement(By.cssSelector("button[value=send-bcc]")).click();
                browser.awaitHeading("Uw keuze is verwerkt");
                assertThat(browser.driver.getPageSource()).contains("externe adressen in Bcc");
                browser.assertNoViolations("outcome");
                browser.screenshot("hold-outcome-phone.png");
            }
            background.runQueued();
            assertThat(to(nextHop, "p1.test@gmail.com")).as("delivered as Bcc").isNotEmpty();
            String delivered = HoldFixture.text(to(nextHop, "p1.test@gmail.com").get(0));
            assertThat(delivered).contains("To: undisclosed-recipients:;\r\n");
        }
    }
}
