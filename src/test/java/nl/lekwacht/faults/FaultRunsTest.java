package nl.lekwacht.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import nl.lekwacht.support.CountingSink;
import nl.lekwacht.support.OwnPostgres;
import nl.lekwacht.support.SizedTmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in production, each survived without losing a message: a retrying client (as an MTA) sends
 * through a gateway in its own JVM to a counting sink, one message in ten with a BSN, and midway the
 * next hop goes down, the gateway is killed with SIGKILL, the store is lost, or the spool's file
 * system is full. Every message answered 250 reaches the sink (directly, or once its hold is released
 * after the fault), no BSN leaves without a release, and the fault shows itself to the client as a
 * 4xx (or, for the kill, as broken connections) before it ends.
 *
 * <p>A few hundred messages each in the test suite; {@code -Dlekwacht.faults.messages=10000} for the
 * long runs (README, "Faults"). Each row is printed and appended to {@code target/fault-rows.md}.
 */
class FaultRunsTest {

    private static final int SHORT = 200;

    @TempDir
    Path data;

    @Test
    void nextHopStoppedAndStartedAgainLosesNothing() throws Exception {
        try (CountingSink sink = new CountingSink();
             FaultGateway gateway = FaultGateway.start(data, sink.port(), "")) {
            FaultRow row = FaultRun.run("next hop stopped and started again", FaultRun.Settings.of(SHORT, false),
                    sink, gateway, new FaultRun.Fault() {
                        @Override
                        public void begin() {
                            sink.stop();
                        }

                        @Override
                        public void end() {
                            sink.start();
                        }
                    });
            assertSurvived(row, true);
        }
    }

    @Test
    void gatewayKilledWithSigkillAndStartedAgainLosesNothing() throws Exception {
        try (CountingSink sink = new CountingSink();
             FaultGateway gateway = FaultGateway.start(data, sink.port(), "")) {
            FaultRow row = FaultRun.run("gateway killed (SIGKILL) and started again",
                    FaultRun.Settings.of(SHORT, false), sink, gateway, new FaultRun.Fault() {
                        @Override
                        public void begin() throws Exception {
                            gateway.kill();
                        }

                        @Override
                        public void end() throws Exception {
                            gateway.start();
                        }

                        @Override
                        public boolean answersWith4xx() {
                            return false;
                        }
                    });
            assertSurvived(row, false);
        }
    }

    @Test
    void postgresStoreCrashedAndStartedAgainWhileHoldsAreTakenAndReleasedLosesNothing() throws Exception {
        try (OwnPostgres store = OwnPostgres.start(); CountingSink sink = new CountingSink();
             FaultGateway gateway = FaultGateway.start(data, sink.port(), "store:\n  url: \"" + store.jdbcUrl()
                     + "\"\n")) {
            FaultRow row = FaultRun.run("PostgreSQL store crashed and started again",
                    FaultRun.Settings.of(SHORT, true), sink, gateway, new FaultRun.Fault() {
                        @Override
                        public void begin() throws Exception {
                            store.crash();
                        }

                        @Override
                        public void end() throws Exception {
                            store.startServer();
                        }
                    });
            assertSurvived(row, true);
        }
    }

    @Test
    void h2StoreOnAFullFileSystemWhileHoldsAreTakenAndReleasedLosesNothing() throws Exception {
        FaultRun.Settings settings = FaultRun.Settings.of(SHORT, true);
        try (SizedTmpfs disk = SizedTmpfs.mount(h2DiskMegabytes(settings.messages()));
             CountingSink sink = new CountingSink();
             FaultGateway gateway = FaultGateway.start(data, sink.port(), "store:\n  url: jdbc:h2:file:"
                     + disk.path().resolve("store") + "\n")) {
            FaultRow row = FaultRun.run("H2 store's file system full", settings, sink,
                    gateway, new FaultRun.Fault() {
                        @Override
                        public void begin() throws Exception {
                            disk.fill();
                        }

                        @Override
                        public void end() throws Exception {
                            disk.free();
                        }
                    });
            assertSurvived(row, true);
        }
    }

    @Test
    void fullSpoolFileSystemLosesNothing() throws Exception {
        try (SizedTmpfs disk = SizedTmpfs.mount(8); CountingSink sink = new CountingSink();
             FaultGateway gateway = FaultGateway.start(data, disk.path(), "1KB", sink.port(), "")) {
            FaultRow row = FaultRun.run("spool's file system full", FaultRun.Settings.of(SHORT, false), sink,
                    gateway, new FaultRun.Fault() {
                        @Override
                        public void begin() throws Exception {
                            disk.fill();
                        }

                        @Override
                        public void end() throws Exception {
                            disk.free();
                        }
                    });
            assertSurvived(row, true);
        }
    }

    /**
     * Room for the store until the fault fills the rest. H2 writes every commit as a new chunk
     * (WRITE_DELAY=0) and reuses a dead chunk's space only after its retention time (45 s, so that a
     * power failure cannot take a chunk still needed), so its file holds about 45 s of writes: at a
     * fault run's rate (some 150 messages a second) several hundred MB, more than a short run ever
     * writes. A 10,000-message run filled 64 MB on its own after 2,500 messages, and 532 MB after the
     * fault; the file stops growing once the oldest chunks can be reused.
     */
    private static int h2DiskMegabytes(int messages) {
        return 64 + Math.min(messages, 16_000) * 128 / 1024;
    }

    private static void assertSurvived(FaultRow row, boolean answersWith4xx) throws IOException {
        System.out.println(FaultRow.header() + "\n" + row.markdown());
        Path rows = Path.of("target", "fault-rows.md");
        Files.createDirectories(rows.getParent());
        Files.writeString(rows, row.markdown() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertThat(row.unanswered()).as("every message has its final answer").isEmpty();
        assertThat(row.lost()).as("accepted but neither delivered nor held").isZero();
        assertThat(row.bsnLeaks()).as("BSN messages out without a release").isEmpty();
        assertThat(row.delivered()).as("every accepted message reached the sink, held ones after their release")
                .isEqualTo(row.accepted() - row.refused5xx());
        assertThat(row.duplicateReasons()).as("every duplicate has a known cause").doesNotContainKey("unexplained");
        if (answersWith4xx) {
            assertThat(row.fourXxDuringFault()).as("the fault took effect: 4xx answers during it").isPositive();
        } else {
            assertThat(row.brokenDuringFault()).as("the fault took effect: broken connections during it").isPositive();
        }
    }
}
