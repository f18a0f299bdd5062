package nl.lekwacht.hold;

import static nl.lekwacht.hold.HoldFixture.SENDER;
import static nl.lekwacht.hold.HoldFixture.await;
import static nl.lekwacht.hold.HoldFixture.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The confirmation page in a real browser: Debian's chromium and chromedriver (paths given, so
 * nothing is downloaded), at phone width, checked by axe-core for WCAG 2.1 AA, photographed, and used
 * to take an action. Needs {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver} and axe-core from
 * npm in {@code node_modules/axe-core}; without them the test is skipped with a message, except under
 * {@code CI=true}, where it fails.
 */
class ConfirmPageBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("lekwacht.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("lekwacht.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path AXE = Path.of(System.getProperty("lekwacht.test.axe", "node_modules/axe-core/axe.min.js"));
    private static final int PHONE_WIDTH = 390;

    @TempDir
    Path data;

    @Test
    void pageAtPhoneWidthMeetsWcag21AaAndCompletesAnAction() throws Exception {
        requireBrowser();
        List<String> recipients = List.of("p1.test@gmail.com", "p2.test@hotmail.com", "p3.test@ziggo.nl");
        String message = "From: Alice <" + SENDER + ">\r\n"
                + "To: p1.test@gmail.com, p2.test@hotmail.com, p3.test@ziggo.nl\r\n"
                + "Subject: Uitnodiging bewonersavond\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Beste bewoners, BSN van de aanvrager: " + HoldFixture.bsn(41) + ".\r\n";
        try (CapturingNextHop nextHop = new CapturingNextHop();
             Gateway gateway = TestGateway.startGateway(data, nextHop.port(), HoldFixture.HOLD_YAML)) {
            String ref = HoldFixture.heldReference(HoldFixture.send(gateway.smtpPort(), SENDER, recipients, message));
            HoldFixture.Link link = HoldFixture.awaitNotification(nextHop, SENDER, ref);
            ChromeDriver browser = browser();
            try {
                browser.get("http://127.0.0.1:" + gateway.webPort() + "/h/" + link.token());
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Uw bericht is nog niet verzonden");
                assertThat(((Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                        .as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
                assertThat(axeViolations(browser)).as("WCAG 2.1 AA violations on the page").isEmpty();
                screenshot(browser, "hold-page-phone.png");

                browser.findElement(By.id("reason")).sendKeys("Wettelijke taak: uitnodiging aan aanvragers");
                browser.findElement(By.cssSelector("button[value=send-bcc]")).click();
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Gekozen");
                assertThat(browser.getPageSource()).contains("externe adressen in Bcc");
                assertThat(axeViolations(browser)).as("WCAG 2.1 AA violations on the outcome").isEmpty();
                screenshot(browser, "hold-outcome-phone.png");
            } finally {
                browser.quit();
            }
            await("delivery as Bcc", () -> !to(nextHop, "p1.test@gmail.com").isEmpty());
            String delivered = HoldFixture.text(to(nextHop, "p1.test@gmail.com").get(0));
            assertThat(delivered).contains("To: undisclosed-recipients:;\r\n");
        }
    }

    private static void requireBrowser() {
        List<String> missing = new java.util.ArrayList<>();
        for (Path p : List.of(CHROMIUM, DRIVER, AXE)) {
            if (!Files.isRegularFile(p)) {
                missing.add(p.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser test needs " + String.join(", ", missing)
                + " (apt-get install chromium chromium-driver; npm install --no-save axe-core)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message + "; skipped on this machine");
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + PHONE_WIDTH + ",844", "--force-device-scale-factor=1", "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Runs axe-core with the WCAG 2.0/2.1 A and AA rules; returns "rule: help (n nodes)" per violation. */
    private static List<String> axeViolations(ChromeDriver browser) throws Exception {
        browser.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length})))"
                        + ".catch(e => done(JSON.stringify({error: String(e)})));");
        JsonNode json = new ObjectMapper().readTree(String.valueOf(result));
        assertThat(json.has("error")).as("axe ran: " + json.path("error").asText()).isFalse();
        assertThat(json.path("passes").asInt()).as("axe checked something").isPositive();
        List<String> violations = new java.util.ArrayList<>();
        for (JsonNode v : json.path("violations")) {
            StringBuilder targets = new StringBuilder();
            v.path("nodes").forEach(n -> targets.append(' ').append(n.path("target")));
            violations.add(v.path("id").asText() + ": " + v.path("help").asText() + " (" + v.path("nodes").size()
                    + " nodes:" + targets + ")");
        }
        return violations;
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(6000, height + 140)));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Path.of(ConfirmPageBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("screenshots");
        Files.createDirectories(dir);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(before);
    }
}
