package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
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
 * The admin view of holds (the list, a BSN hold's and a 30-recipient hold's details) at 320 and 1280 CSS
 * pixels, logged in as a mail admin: no WCAG 2.1 AA violation (axe-core), no sideways scrolling.
 * Screenshots are kept in the build folder's {@code screenshots/} for a person to look at.
 */
class AdminHoldPagesBrowserTest {

    private static final String PASSWORD = "beheerwachtwoord";

    @TempDir
    Path data;

    private final ManualScheduler background = new ManualScheduler();

    @Test
    void adminListAndDetailsReadWellAtPhoneAndDesktopWidth() throws Exception {
        Browser.requireInstalled();
        String yaml = HoldFixture.HOLD_YAML + "web:\n  listen: 127.0.0.1:0\n  users:\n"
                + "    - {name: beheer, password-hash: \"" + BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray())
                + "\", roles: [mail-admin]}\n";
        List<String> thirty = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            thirty.add("bewoner" + i + ".test@gmail.com");
        }
        String list = "From: Alice <" + SENDER + ">\r\nTo: " + thirty.stream().collect(Collectors.joining(",\r\n "))
                + "\r\nSubject: Uitnodiging bewonersavond\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nWelkom op de bewonersavond.\r\n";
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), yaml, background)) {
            String bsnRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER,
                    List.of("bob@extern.example"), HoldFixture.bsnMessage("Aanvraag bijstand", List.of("bob@extern.example"), 52)));
            String listRef = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, thirty, list));
            String base = "http://127.0.0.1:" + gateway.webPort();
            for (int width : new int[] {320, 1280}) {
                try (Browser browser = Browser.atWidth(width)) {
                    browser.driver.get(base + "/login?next=/admin/holds");
                    browser.driver.findElement(By.id("username")).sendKeys("beheer");
                    browser.driver.findElement(By.id("password")).sendKeys(PASSWORD);
                    browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                    browser.awaitHeading("Tegengehouden berichten");
                    browser.assertNoHorizontalScroll("admin list");
                    browser.assertNoViolations("admin list");
                    assertThat(browser.driver.getPageSource()).contains("Ontvangers zien elkaars adres")
                            .contains("Burgerservicenummer (BSN)").contains("en 27 meer");
                    browser.screenshot("admin-holds-" + width + ".png");

                    browser.driver.get(base + "/admin/holds/" + bsnRef);
                    browser.awaitHeading("Tegengehouden bericht");
                    browser.assertNoHorizontalScroll("admin details of a BSN hold");
                    browser.assertNoViolations("admin details of a BSN hold");
                    browser.screenshot("admin-hold-bsn-" + width + ".png");

                    browser.driver.get(base + "/admin/holds/" + listRef);
                    browser.awaitHeading("Tegengehouden bericht");
                    browser.assertNoHorizontalScroll("admin details of a 30-recipient hold");
                    browser.assertNoViolations("admin details of a 30-recipient hold");
                    assertThat(browser.driver.findElement(By.cssSelector("button.primary")).getAttribute("value"))
                            .isEqualTo("send-bcc");
                    browser.screenshot("admin-hold-30-recipients-" + width + ".png");
                }
            }
        }
    }
}
