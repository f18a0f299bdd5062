package nl.lekwacht.hold;

import java.nio.file.Path;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.Messages;
import nl.lekwacht.support.PostgresSchema;
import nl.lekwacht.support.SmtpTestClient;
import nl.lekwacht.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (its name keeps it out of the normal run): prints how long the client waits from the end
 * of DATA to the 250 "held" reply (inspection, sealing and storing, queueing the notification) for
 * 10 KB, 1 MB and 10 MB messages, on H2 and on PostgreSQL. Run with
 * {@code mvn -B -DbuildDir=target-probe test -Dtest=HoldTimingProbe}.
 */
class HoldTimingProbe {

    @TempDir
    Path data;

    @Test
    void measure() throws Exception {
        try (CapturingNextHop nextHop = new CapturingNextHop()) {
            run("H2", TestGateway.startGateway(data.resolve("h2"), nextHop.port(), HoldFixture.HOLD_YAML), nextHop);
            try (PostgresSchema schema = PostgresSchema.create()) {
                run("PostgreSQL", TestGateway.startGateway(data.resolve("pg"), nextHop.port(), HoldFixture.HOLD_YAML
                        + "store:\n  url: \"" + schema.url() + "\"\n"), nextHop);
            }
        }
    }

    private void run(String store, Gateway gateway, CapturingNextHop nextHop) throws Exception {
        try (gateway) {
            for (int kb : new int[] {10, 1024, 10 * 1024}) {
                StringBuilder body = new StringBuilder(HoldFixture.bsnMessage("Meting " + kb, List.of("bob@extern.example"), kb));
                String line = "Regel met gewone tekst zonder persoonsgegevens, om het bericht groter te maken.\r\n";
                while (body.length() < kb * 1024) {
                    body.append(line);
                }
                String data = Messages.dataOf(body.toString());
                long[] times = new long[7];
                for (int i = 0; i < times.length; i++) {
                    try (SmtpTestClient c = new SmtpTestClient("127.0.0.1", gateway.smtpPort())) {
                        c.reply();
                        c.command("EHLO x");
                        c.command("MAIL FROM:<alice@gemeente.example>");
                        c.command("RCPT TO:<bob@extern.example>");
                        c.command("DATA");
                        long t0 = System.nanoTime();
                        c.send(data);
                        String r = c.reply();
                        times[i] = (System.nanoTime() - t0) / 1_000_000;
                        if (!r.contains("Held")) {
                            throw new AssertionError(r);
                        }
                    }
                }
                java.util.Arrays.sort(times);
                System.out.println("PROBE store=" + store + " size=" + kb + "KB held-reply median_ms=" + times[3] + " max_ms=" + times[6]);
            }
        }
    }
}
