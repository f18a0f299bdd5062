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
 * The follow-up letters page in a real browser, at phone and desktop width: the privacy officer opens
 * the tab of an incident about a message that went to two outside addresses, ticks one, sends, and
 * reads the result. Both pages pass axe-core; screenshots go to the build folder's {@code screenshots/}.
 */
class FollowUpLettersBrowserTest {

    @org.junit.jupiter.api.io.TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private Browser session;

    @BeforeEach
    void start() throws Exception {
        Browser.requireInstalled();
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml(
                "  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n  VISIBLE_RECIPIENTS: allow\n"));
        List<String> to = List.of("j.bakker@gmail.com", "r.smit@kpnmail.example");
        RegisterFixture.send(gateway.smtpPort(), to, RegisterFixture.message("Beschikking bijzondere bijstand",
                "letters-browser-1", to, "Beste mevrouw Bakker,\r\n\r\nBSN: " + RegisterFixture.bsn(43) + "\r\n"));
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
    void privacyOfficerSendsADeletionRequestFromTheIncidentsLettersTab(int width) throws Exception {
        session = width < 500 ? Browser.atPhoneWidth() : Browser.atWidth(width);
        var browser = session.driver;
        String base = "http://127.0.0.1:" + gateway.webPort();
        browser.get(base + "/register/1");
        browser.findElement(By.id("username")).sendKeys("fg");
        browser.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        session.awaitPath("/register/1");

        browser.findElement(By.linkText("Vervolgbrieven")).click();
        session.awaitHeading("Vervolgbrieven: DL-000001");
        session.assertNoViolations("letters at " + width + " px");
        session.assertNoHorizontalScroll("letters at " + width + " px");
        session.screenshot("register-letters-" + width + ".png");

        browser.findElement(By.xpath("//label[contains(., 'j.bakker@gmail.com')]")).click();
        assertThat(browser.findElement(By.cssSelector("input[name=to][value='j.bakker@gmail.com']")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[name=to][value='r.smit@kpnmail.example']")).isSelected()).isFalse();
        browser.findElement(By.cssSelector("form.letter button[type=submit]")).click();
        session.awaitHeading("Vervolgbrieven: DL-000001");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("1 van 1 brief/brieven verstuurd.");
        session.assertNoViolations("letters sent at " + width + " px");
        session.screenshot("register-letters-sent-" + width + ".png");
        assertThat(nextHop.received()).filteredOn(r -> r.recipients().equals(List.of("j.bakker@gmail.com")))
                .filteredOn(r -> r.subject().contains("DL-000001")).hasSize(1);
    }
}
