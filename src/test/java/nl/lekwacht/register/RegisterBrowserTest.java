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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The privacy officer's way through the register in a real browser (Debian's chromium and
 * chromium-driver, nothing downloaded): log in, open an incident Lekwacht opened itself, change its
 * status, and check every page with axe-core (npm) for WCAG 2.1 A/AA violations. Screenshots of the
 * list, the detail page and the AP-form view are written next to the test classes ({@code screenshots/}).
 * Without the browser or axe-core the test is skipped, unless CI=true: then it fails.
 */
class RegisterBrowserTest {


    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private Browser session;
    private org.openqa.selenium.chrome.ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        Browser.requireInstalled();
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        RegisterFixture.send(gateway.smtpPort(), List.of("j.bakker@gmail.com"), RegisterFixture.message(
                "Beschikking bijzondere bijstand", "browser-1", List.of("j.bakker@gmail.com"),
                "Beste mevrouw Bakker,\r\n\r\nBSN: " + RegisterFixture.bsn(41) + "\r\n\r\nGroet\r\n"));
        session = Browser.atPhoneWidth();
        browser = session.driver;
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

    @Test
    void privacyOfficerOpensAnAutoCreatedIncidentChangesItsStatusAndEveryPagePassesAxe() throws Exception {
        String base = "http://127.0.0.1:" + gateway.webPort();
        browser.get(base + "/register");
        assertThat(browser.getTitle()).startsWith("Inloggen");
        assertNoViolations("login");
        browser.findElement(By.id("username")).sendKeys("fg");
        browser.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

        assertThat(browser.getCurrentUrl()).endsWith("/register");
        awaitHeading("Datalekkenregister");
        assertNoViolations("list");
        screenshot("register-list.png");

        browser.findElement(By.linkText("DL-000001")).click();
        awaitHeading("DL-000001: Nieuw");
        assertThat(browser.getPageSource()).contains("Beschikking bijzondere bijstand").contains("afgeleid door Lekwacht");
        assertNoViolations("detail");

        browser.findElement(By.cssSelector("#new-status option[value=IN_PROGRESS]")).click();
        browser.findElement(By.cssSelector("form[action$='/status'] button[type=submit]")).click();
        awaitHeading("DL-000001: In behandeling");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Status gewijzigd.");
        assertNoViolations("detail after the move");
        screenshot("register-detail.png");

        browser.findElement(By.linkText("Melding aan de AP")).click();
        awaitHeading("AP-meldformulier: DL-000001");
        assertThat(browser.getPageSource()).contains("gmail.com").contains("Soorten persoonsgegevens");
        assertNoViolations("AP form");
        screenshot("register-ap-form.png");

        browser.get(base + "/register/new");
        assertNoViolations("new incident");
        browser.get(base + "/register?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Breach register");
        assertNoViolations("list in English");
    }

    @Test
    void oneMenuKeepsLogoutOnTheBrandsLineAndTheFooterInLineWithThePageAtDesktopWidth() throws Exception {
        session.close();
        session = Browser.atWidth(1280);
        browser = session.driver;
        String base = "http://127.0.0.1:" + gateway.webPort();
        logIn(base + "/register");
        awaitHeading("Datalekkenregister");
        for (String path : List.of("/register", "/admin/holds", "/register/1", "/register/1/ap", "/register/1/documents")) {
            browser.get(base + path);
            assertThat(browser.findElements(By.cssSelector("header.site nav.menu a")))
                    .extracting(a -> a.getText()).as("the menu on " + path)
                    .containsExactly("Start", "Register", "Jaaroverzicht", "Tegengehouden berichten");
            int brand = browser.findElement(By.cssSelector("header.site .brand")).getRect().getY();
            int logout = browser.findElement(By.cssSelector("header.site form[action='/logout'] button")).getRect().getY();
            assertThat(Math.abs(logout - brand)).as("logout on the brand's line on " + path).isLessThan(20);
            int main = browser.findElement(By.tagName("main")).getRect().getX();
            assertThat(browser.findElement(By.cssSelector("footer.site")).getRect().getX())
                    .as("footer in line with the page on " + path).isEqualTo(main);
            assertThat(browser.findElement(By.cssSelector("header.site .bar")).getRect().getX())
                    .as("header in line with the page on " + path).isEqualTo(main);
            assertNoViolations(path + " at 1280 px");
        }
        browser.get(base + "/register/1");
        screenshot("register-detail-1280.png");
        browser.get(base + "/register/1/ap");
        screenshot("register-ap-form-1280.png");
        browser.get(base + "/admin/holds");
        screenshot("admin-holds-1280.png");
    }

    private void logIn(String page) {
        browser.get(page);
        browser.findElement(By.id("username")).sendKeys("fg");
        browser.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    private void assertNoViolations(String page) throws Exception {
        session.assertNoViolations(page);
    }

    private void screenshot(String name) throws Exception {
        session.screenshot(name);
    }

    private void awaitHeading(String expected) throws InterruptedException {
        session.awaitHeading(expected);
    }
}
