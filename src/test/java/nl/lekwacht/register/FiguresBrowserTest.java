package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.Browser;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.ManualScheduler;
import nl.lekwacht.support.MovableClock;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The privacy officer's start page and year overview in a real browser (Debian's chromium), at desktop
 * width (1280) and phone width (390): no WCAG 2.1 AA violations (axe-core), no sideways scrolling, and
 * screenshots kept next to the test classes ({@code screenshots/fg-start-1280.png}, ...) for a person to
 * look at. A synthetic municipality's year: incidents of every source and several kinds, held messages of
 * three departments. Skipped without the browser or axe-core, unless CI=true.
 */
class FiguresBrowserTest {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final String[] KINDS = {"WRONG_RECIPIENT", "VISIBLE_RECIPIENTS", "WRONG_ATTACHMENT",
        "LETTER_WRONG_ADDRESS", "LOST_DEVICE"};
    private static final String[] DEPARTMENTS = {"sociaal", "belastingen", "burgerzaken"};
    private static final String[][] HELD = {{"BSN", "FIXED"}, {"VISIBLE_RECIPIENTS", "FIXED"},
        {"MISDIRECTED_RECIPIENT", "CANCELLED"}, {"BSN", "SENT_ANYWAY"}, {"SPECIAL_CATEGORY", "FIXED"},
        {"BSN,NEW_RECIPIENT_WITH_PERSONAL_DATA", "CANCELLED"}, {"MISDIRECTED_RECIPIENT", "EXPIRED"}};

    @TempDir
    Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        Browser.requireInstalled();
        nextHop = new CapturingNextHop();
        String yaml = RegisterFixture.yaml("  BSN: monitor\n").replace("register:\n", "register:\n  departments:\n"
                + "    sociaal.gemeente.example: Sociaal Domein\n    belastingen.gemeente.example: Belastingen\n"
                + "    burgerzaken.gemeente.example: Burgerzaken\n");
        gateway = TestGateway.startGateway(data, nextHop.port(), yaml, new MovableClock(NOW), new ManualScheduler());
        seedAYear(new FigureSeed(gateway.database().dataSource()));
    }

    static void seedAYear(FigureSeed seed) throws Exception {
        seed.incident(Status.IN_PROGRESS, Origin.MONITOR, NOW.minus(Duration.ofHours(79)), Map.of(Field.KIND,
                "WRONG_RECIPIENT"), Optional.of(FigureSeed.message("j.smit@sociaal.gemeente.example",
                "Beschikking bijzondere bijstand", "BSN", NOW.minus(Duration.ofHours(79)))));
        seed.incident(Status.NEW, Origin.RESIDENT, NOW.minus(Duration.ofHours(20)), Map.of(Field.SUMMARY,
                "Brief over de huurtoeslag bij de buren bezorgd"));
        seed.incident(Status.IN_PROGRESS, Origin.STAFF, NOW.minus(Duration.ofHours(40)), Map.of(Field.KIND,
                "LOST_DEVICE", Field.SUMMARY, "Telefoon met zakelijke mail verloren in de trein",
                Field.NOT_REPORTED_REASON, "Toestel versleuteld en op afstand gewist"));
        for (int i = 0; i < 34; i++) {
            Instant discovered = NOW.minus(Duration.ofDays(9L * i + 12));
            Origin origin = i % 4 == 0 ? Origin.RESIDENT : i % 5 == 0 ? Origin.STAFF : i % 7 == 0 ? Origin.MANUAL
                    : Origin.MONITOR;
            Status status = i % 3 == 0 ? Status.REPORTED : i % 3 == 1 ? Status.NOT_REPORTED : Status.CLOSED;
            String department = DEPARTMENTS[i % DEPARTMENTS.length];
            seed.incident(status, origin, discovered, Map.of(Field.KIND, KINDS[i % KINDS.length],
                    Field.NOT_REPORTED_REASON, status == Status.NOT_REPORTED ? "Geen risico: ontvanger is ketenpartner" : ""),
                    origin == Origin.MONITOR ? Optional.of(FigureSeed.message("medewerker@" + department
                            + ".gemeente.example", "Bericht " + i, "BSN", discovered)) : Optional.empty());
        }
        for (int i = 0; i < 90; i++) {
            String month = java.time.YearMonth.of(2026, 11).minusMonths(i % 11).toString();
            String[] held = HELD[i % HELD.length];
            String department = i % 5 == 4 ? "" : new String[] {"Sociaal Domein", "Belastingen", "Burgerzaken"}[i % 3];
            seed.nearMiss(month, held[0], held[1], department);
        }
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (nextHop != null) {
            nextHop.close();
        }
    }

    @Test
    void startPageAndYearOverviewPassAxeAtDesktopAndPhoneWidth() throws Exception {
        for (int width : new int[] {1280, 390}) {
            try (Browser session = Browser.atWidth(width)) {
                String base = "http://127.0.0.1:" + gateway.webPort();
                session.driver.get(base + "/login");
                session.driver.findElement(By.id("username")).sendKeys("fg");
                session.driver.findElement(By.id("password")).sendKeys(RegisterFixture.PASSWORD);
                session.driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
                session.awaitPath("/register/start");
                session.awaitHeading("Startpagina privacy officer");
                assertThat(session.driver.findElement(By.cssSelector("tr.overdue")).getText()).contains("Te laat:");
                session.assertNoViolations("start (" + width + ")");
                session.assertNoHorizontalScroll("start (" + width + ")");
                session.screenshot("fg-start-" + width + ".png");

                session.driver.get(base + "/register/jaaroverzicht?jaar=2026");
                session.awaitHeading("Jaaroverzicht datalekken 2026");
                session.assertNoViolations("year overview (" + width + ")");
                session.assertNoHorizontalScroll("year overview (" + width + ")");
                session.screenshot("fg-year-" + width + ".png");

                session.driver.get(base + "/register?deadline=OVERDUE");
                session.awaitHeading("Datalekkenregister");
                session.assertNoViolations("filtered list (" + width + ")");
                session.assertNoHorizontalScroll("filtered list (" + width + ")");
                session.screenshot("fg-list-" + width + ".png");
            }
        }
    }
}
