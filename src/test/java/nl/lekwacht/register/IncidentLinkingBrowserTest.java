package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.Browser;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Linking in a real browser, at phone and desktop width: the privacy officer types in a report, searches
 * the message by recipient domain, links it and sees it merged. Every page passes axe-core; screenshots
 * go to the build folder's {@code screenshots/}.
 */
class IncidentLinkingBrowserTest {

    @org.junit.jupiter.api.io.TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private Browser session;

    @BeforeEach
    void start() throws Exception {
        Browser.requireInstalled();
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        RegisterFixture.send(gateway.smtpPort(), List.of("j.bakker@gmail.com"), RegisterFixture.message(
                "Beschikking bijzondere bijstand", "link-browser-1", List.of("j.bakker@gmail.com"),
                "Beste mevrouw Bakker,\r\n\r\nBSN: " + RegisterFixture.bsn(47) + "\r\n"));
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (nextHop != null) {
            nextHop.close();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 1280})
    void privacyOfficerLinksATypedInReportToTheMessageItIsAbout(int width) throws Exception {
        session = width < 500 ? Browser.atPhoneWidth() : Browser.atWidth(width);
        var browser = session.driver;
        String base = "http://127.0.0.1:" + gateway.webPort();
        browser.get(base + "/register/new");
        browser.findElement(By.id("username")).sendKeys("fg");
        browser.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        session.awaitPath("/register/new");
        browser.findElement(By.id("f-summary")).sendKeys("Inwoner belde: beschikking van iemand anders ontvangen");
        browser.findElement(By.cssSelector("form[action='/register'] button[type=submit]")).click();
        session.awaitPath("/register/2");

        browser.get(base + "/register/2/koppelen?zoek=1&domein=gmail.com");
        session.awaitHeading("Koppeling: DL-000002");
        session.assertNoViolations("link search at " + width + " px");
        session.assertNoHorizontalScroll("link search at " + width + " px");
        session.screenshot("register-link-search-" + width + ".png");

        browser.findElement(By.xpath("//button[contains(., 'Koppelen aan DL-000001')]")).click();
        session.awaitHeading("Koppeling: DL-000002");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Gekoppeld.");
        session.assertNoViolations("linked at " + width + " px");
        session.screenshot("register-link-merged-" + width + ".png");
    }
}
