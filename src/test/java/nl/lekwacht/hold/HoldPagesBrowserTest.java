package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.Browser;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The confirmation page of a BSN hold and of a 30-recipient hold, at 320 and 1280 CSS pixels: no WCAG
 * 2.1 AA violation (axe-core), no sideways scrolling, recipients listed once with the rest folded away.
 * Screenshots are kept in the build folder's {@code screenshots/} for a person to look at.
 */
class HoldPagesBrowserTest {

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();

    @Test
    void bsnHoldAndThirtyRecipientHoldReadWellAtPhoneAndDesktopWidth() throws Exception {
        Browser.requireInstalled();
        List<String> thirty = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            thirty.add("bewoner" + i + ".test@gmail.com");
        }
        String list = "From: Alice <" + SENDER + ">\r\nTo: " + thirty.stream().collect(Collectors.joining(",\r\n "))
                + "\r\nSubject: Uitnodiging bewonersavond\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nWelkom op de bewonersavond.\r\n";
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), HoldFixture.HOLD_YAML, background)) {
            String bsnRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER,
                    List.of("bob@extern.example"), HoldFixture.bsnMessage("Aanvraag bijstand", List.of("bob@extern.example"), 51)));
            String listRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, thirty, list));
            String bsnPage = "http://127.0.0.1:" + gateway.webPort() + "/h/"
                    + HoldFixture.notification(background, nextHop, SENDER, bsnRef).token();
            String listPage = "http://127.0.0.1:" + gateway.webPort() + "/h/"
                    + HoldFixture.notification(background, nextHop, SENDER, listRef).token();
            for (int width : new int[] {320, 1280}) {
                try (Browser browser = Browser.atWidth(width)) {
                    browser.driver.get(bsnPage);
                    browser.awaitHeading("Uw bericht is nog niet verzonden");
                    assertThat(((Number) browser.driver.executeScript("return window.innerWidth")).intValue())
                            .isEqualTo(width);
                    browser.assertNoHorizontalScroll("BSN hold");
                    browser.assertNoViolations("BSN hold");
                    assertThat(browser.driver.getPageSource()).contains("een burgerservicenummer")
                            .doesNotContain("nummer(s)").doesNotContain("in het veld");
                    browser.screenshot("hold-bsn-" + width + ".png");

                    browser.driver.get(listPage);
                    browser.awaitHeading("Uw bericht is nog niet verzonden");
                    browser.assertNoHorizontalScroll("30-recipient hold");
                    browser.assertNoViolations("30-recipient hold");
                    assertThat(browser.driver.findElement(By.cssSelector("details.more summary")).getText())
                            .isEqualTo("en 20 meer");
                    assertThat(browser.driver.findElement(By.cssSelector("button.primary")).getAttribute("value"))
                            .as("the fitting fix is the main button").isEqualTo("send-bcc");
                    assertThat(browser.driver.getPageSource()).doesNotContain("wettelijke grondslag");
                    browser.screenshot("hold-30-recipients-" + width + ".png");
                }
            }
        }
    }
}
