package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The privacy officer's way through the register in a real browser (Debian's chromium and
 * chromium-driver, nothing downloaded): log in, open an incident Lekwacht opened itself, change its
 * status, and check every page with axe-core (npm) for WCAG 2.1 A/AA violations. Screenshots of the
 * list, the detail page and the AP-form view are written next to the test classes ({@code screenshots/}).
 * Without the browser or axe-core the test is skipped, unless CI=true: then it fails.
 */
class RegisterBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        for (Path needed : List.of(CHROMIUM, DRIVER, AXE)) {
            if (!Files.exists(needed)) {
                String message = needed + " is missing (apt-get install chromium chromium-driver; npm install axe-core)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(message);
                }
                Assumptions.abort(message);
            }
        }
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        RegisterFixture.send(gateway.smtpPort(), List.of("j.bakker@gmail.com"), RegisterFixture.message(
                "Beschikking bijzondere bijstand", "browser-1", List.of("j.bakker@gmail.com"),
                "Beste mevrouw Bakker,\r\n\r\nBSN: " + RegisterFixture.bsn(41) + "\r\n\r\nGroet\r\n"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--lang=nl-NL");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
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

        browser.findElement(By.linkText("Bekijk als AP-formulier")).click();
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

    private void assertNoViolations(String page) throws Exception {
        JavascriptExecutor js = browser;
        js.executeScript(Files.readString(AXE));
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))))"
                + ".catch(e => done('error: ' + e));");
        assertThat(String.valueOf(result)).as("axe on " + page).doesNotStartWith("error");
        JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
        assertThat(violations).as("WCAG 2.1 AA violations on the " + page + " page: " + violations).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of(RegisterBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits for the page after a click: the old page's elements go stale while the new one loads. */
    private void awaitHeading(String expected) throws InterruptedException {
        String seen = "";
        for (int i = 0; i < 200; i++) {
            try {
                seen = browser.findElement(By.tagName("h1")).getText();
                if (seen.equals(expected)) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException loading) {
                // the next page is still loading
            }
            Thread.sleep(100);
        }
        assertThat(seen).as("heading after the click").isEqualTo(expected);
    }
}
