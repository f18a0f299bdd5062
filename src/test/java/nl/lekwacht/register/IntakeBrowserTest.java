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
 * A resident files a report on /melden in a real browser at phone width (Debian's chromium and
 * chromium-driver, JavaScript not needed by the page), every page passes axe-core's WCAG 2.1 A/AA
 * rules, and the confirmation is kept as a screenshot ({@code screenshots/melden-bevestiging.png}
 * next to the test classes); then the privacy officer's report and document pages pass axe too.
 * Without the browser or axe-core the test is skipped, unless CI=true: then it fails.
 */
class IntakeBrowserTest {

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
        gateway = TestGateway.startGateway(data, nextHop.port(), RegisterFixture.yaml("  BSN: monitor\n"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,1400",
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
    void residentFilesAReportAtPhoneWidthAndEveryPagePassesAxe() throws Exception {
        String base = "http://127.0.0.1:" + gateway.webPort();
        browser.get(base + "/melden");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Datalek melden");
        assertNoViolations("report form");
        browser.findElement(By.id("what-happened")).sendKeys("Ik kreeg een brief met de gegevens van mijn buurman.");
        browser.findElement(By.id("when")).sendKeys("afgelopen dinsdag");
        browser.findElement(By.id("received-others-data")).click();
        browser.findElement(By.id("misdelivered-post")).click();
        browser.findElement(By.id("data-lost-unknown")).click();
        browser.findElement(By.id("email")).sendKeys("inwoner@example.net");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bedankt voor uw melding");
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("DL-\\d{6}");
        assertNoViolations("confirmation");
        Object width = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(width).as("no sideways scrolling at phone width").isEqualTo(true);
        screenshot("melden-bevestiging.png");

        browser.get(base + "/melden?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Report a data breach");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertNoViolations("English form after a refusal");

        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys("fg");
        browser.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        RegisterFixture.await("the register after logging in", () -> java.util.Optional.of(browser.getCurrentUrl())
                .filter(u -> u.endsWith("/register")));
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
        Path dir = Path.of(IntakeBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
