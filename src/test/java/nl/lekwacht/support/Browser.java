package nl.lekwacht.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, driven by its chromedriver at phone width, with axe-core for WCAG 2.1 AA. Nothing
 * is downloaded: when chromium, chromedriver or axe-core (npm) is missing the test is skipped with a
 * message, except in CI (CI=true), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("lekwacht.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("lekwacht.test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path AXE = Path.of(System.getProperty("lekwacht.test.axe", "node_modules/axe-core/axe.min.js"));
    private static final int PHONE_WIDTH = 390;

    public final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the test (fails it in CI) when the browser or axe-core is not installed. */
    public static void requireInstalled() {
        for (Path needed : List.of(CHROMIUM, DRIVER, AXE)) {
            if (!Files.exists(needed)) {
                String message = needed + " is missing (apt-get install chromium chromium-driver; npm install axe-core)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(message);
                }
                Assumptions.abort(message);
            }
        }
    }

    /** A headless browser at phone width. */
    public static Browser atPhoneWidth() {
        return atWidth(PHONE_WIDTH);
    }

    /** A headless browser whose window is {@code width} CSS pixels wide (320: the smallest phone WCAG reflows to). */
    public static Browser atWidth(int width) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + ",844", "--force-device-scale-factor=1", "--lang=nl-NL");
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (width < 500) {
            // headless Chromium keeps a window at least 500 pixels wide; the viewport is set as a phone's
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                    "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
        return new Browser(driver);
    }

    /**
     * Waits for the page after a click or submit (the old page's elements go stale while it loads), at
     * most 20 seconds: a hang detector, not a timing assertion.
     */
    public void awaitHeading(String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals(expected));
        } catch (TimeoutException e) {
            assertThat(driver.findElement(By.tagName("h1")).getText()).as("page heading").isEqualTo(expected);
        }
    }

    /** Waits until the browser shows a page whose address ends with {@code path}, at most 20 seconds. */
    public void awaitPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(path));
    }

    /** The WCAG 2.1 A/AA violations axe-core finds on the current page, as JSON objects. */
    public JsonNode axeViolations() throws Exception {
        driver.executeScript(Files.readString(AXE));
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id,"
                + " impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))})))"
                + ".catch(e => done(JSON.stringify({error: String(e)})));");
        JsonNode json = new ObjectMapper().readTree(String.valueOf(result));
        assertThat(json.has("error")).as("axe-core ran: " + json.path("error").asText()).isFalse();
        assertThat(json.path("passes").asInt()).as("axe-core checked something").isPositive();
        return json.path("violations");
    }

    /** Fails when the page scrolls sideways at the current window width. */
    public void assertNoHorizontalScroll(String page) {
        assertThat(((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("no sideways scrolling on the " + page + " page").isLessThanOrEqualTo(0);
    }

    public void assertNoViolations(String page) throws Exception {
        JsonNode violations = axeViolations();
        assertThat(violations).as("WCAG 2.1 AA violations on the " + page + " page: " + violations).isEmpty();
    }

    /** Keeps a screenshot of the whole page in the build folder's {@code screenshots/}, for a person to look at. */
    public void screenshot(String name) throws Exception {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        int width = ((Number) driver.executeScript("return window.innerWidth")).intValue();
        int full = (int) Math.min(6000, height + 140);
        Dimension before = driver.manage().window().getSize();
        if (width < 500) {
            // the phone viewport is set by emulation, which the window size does not change: the whole page too
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                    "height", full, "deviceScaleFactor", 1, "mobile", true));
        } else {
            driver.manage().window().setSize(new Dimension(before.getWidth(), full));
        }
        Path dir = Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        if (width < 500) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                    "height", 844, "deviceScaleFactor", 1, "mobile", true));
        } else {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
