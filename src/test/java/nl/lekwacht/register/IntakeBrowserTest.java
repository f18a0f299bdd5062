package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.Browser;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A resident files a report on /melden in a real browser at phone width (Debian's chromium and
 * chromium-driver, JavaScript not needed by the page), every page passes axe-core's WCAG 2.1 A/AA
 * rules, and the confirmation is kept as a screenshot ({@code screenshots/melden-bevestiging.png}
 * next to the test classes); then the privacy officer's report and document pages pass axe too.
 * Without the browser or axe-core the test is skipped, unless CI=true: then it fails.
 */
class IntakeBrowserTest {


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
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml("  BSN: monitor\n"));
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
    void residentFilesAReportAtPhoneWidthAndEveryPagePassesAxe() throws Exception {
        String base = "http://127.0.0.1:" + gateway.webPort();
        browser.get(base + "/melden");
        session.awaitHeading("Datalek melden");
        assertNoViolations("report form");
        browser.findElement(By.id("what-happened")).sendKeys("Ik kreeg een brief met de gegevens van mijn buurman.");
        browser.findElement(By.id("when")).sendKeys("afgelopen dinsdag");
        browser.findElement(By.id("received-others-data")).click();
        browser.findElement(By.id("misdelivered-post")).click();
        browser.findElement(By.id("data-lost-unknown")).click();
        browser.findElement(By.id("email")).sendKeys("inwoner@example.net");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        session.awaitHeading("Bedankt voor uw melding");
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("DL-\\d{6}");
        assertNoViolations("confirmation");
        Object width = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(width).as("no sideways scrolling at phone width").isEqualTo(true);
        screenshot("melden-bevestiging.png");

        browser.get(base + "/melden?lang=en");
        session.awaitHeading("Report a data breach");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertNoViolations("English form after a refusal");

        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("fg");
        browser.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        session.awaitPath("/register/start");
        String id = String.valueOf(Integer.parseInt(reference.substring(3)));
        browser.get(base + "/register/" + id + "/melding");
        assertThat(browser.getPageSource()).contains("inwoner@example.net");
        assertNoViolations("report view");
        browser.get(base + "/register/" + id + "/documents");
        assertNoViolations("documents");
        browser.get(base + "/register");
        assertNoViolations("list with search");
    }

    private void assertNoViolations(String page) throws Exception {
        session.assertNoViolations(page);
    }

    private void screenshot(String name) throws Exception {
        session.screenshot(name);
    }
}
