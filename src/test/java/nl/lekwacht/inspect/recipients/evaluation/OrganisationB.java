package nl.lekwacht.inspect.recipients.evaluation;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.message.Envelope;

/**
 * Scores the second recipient organisation (test resources {@code evaluation/recipients-b}) as its
 * README says: every sender's history imported through {@code history import} into one store, then
 * each case of one split screened as its sender, judged against the history alone (cases are not
 * learned), with the message's Date as the time of sending.
 */
final class OrganisationB {

    static final Path ROOT = Path.of("src/test/resources/evaluation/recipients-b");
    /** The day after the last case: a history weighing recency sees what a June scorer would. */
    static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");

    private static final String ORGANISATION = """
              internal-domains: [sociaaldomein-b.example, werkplein-noordwaard.example]
              consumer-domains: [gmail.com, hotmail.com, outlook.com, live.nl, ziggo.nl, kpnmail.nl, icloud.com, hotmail.nl, planet.nl, xs4all.nl, home.nl, yahoo.com]
              trusted-partner-domains: []
            """; // organisation.yml writes consumer-mail-domains; the gateway key is consumer-domains

    /** Per kind, and ordinary mail per note, held / total. */
    record Score(Tally kinds, Tally ordinary, int visibleOnly, List<String> misses) {
    }

    private OrganisationB() {
    }

    /**
     * @param split   {@code dev} or {@code holdout}
     * @param details also collect the missed slips and held ordinary mail (never for the holdout)
     */
    static Score score(String split, boolean details, PrintStream out) throws IOException, MessagingException {
        List<Map<String, String>> rows = manifest();
        try (EvaluationGateway gateway = new EvaluationGateway(ORGANISATION, NOW)) {
            long started = System.nanoTime();
            int imported = 0;
            for (String sender : rows.stream().map(r -> r.get("sender")).distinct().sorted().toList()) {
                imported += gateway.importMbox(ROOT.resolve("history").resolve(sender + ".mbox"), sender).learned();
            }
            gateway.reopen();
            out.printf("organisation B: %d history messages imported in %.1f s%n", imported,
                    (System.nanoTime() - started) / 1e9);
            Tally kinds = new Tally();
            Tally ordinary = new Tally();
            int visibleOnly = 0;
            List<String> misses = new ArrayList<>();
            for (Map<String, String> row : rows) {
                if (!row.get("split").equals(split)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(ROOT.resolve(row.get("file")));
                Screened screened = gateway.screen(envelope(bytes, row.get("sender")), bytes);
                Verdict verdict = screened.verdict();
                boolean slip = !row.get("kind").equals("ordinary");
                boolean held;
                if (slip) {
                    held = verdict.action() != Verdict.Action.DELIVER
                            && (verdict.codeSet().contains(FindingCode.MISDIRECTED_RECIPIENT)
                            || verdict.codeSet().contains(FindingCode.NEW_RECIPIENT_WITH_PERSONAL_DATA));
                } else {
                    held = verdict.action() != Verdict.Action.DELIVER;
                    if (held && verdict.codeSet().equals(java.util.Set.of(FindingCode.VISIBLE_RECIPIENTS))) {
                        visibleOnly++;
                    }
                    ordinary.count(row.get("notes"), held);
                }
                kinds.count(row.get("kind"), held);
                if (details && (slip != held)) {
                    misses.add((slip ? "missed " : "held ") + row.get("file") + " " + row.get("kind") + " "
                            + row.get("recipient") + " (meant " + row.get("intended") + ") " + row.get("notes") + " "
                            + verdict.findings().stream().map(OrganisationB::describe).toList());
                }
            }
            return new Score(kinds, ordinary, visibleOnly, misses);
        }
    }

    private static String describe(Finding f) {
        return f.code() + " " + f.severity() + " " + f.details();
    }

    private static List<Map<String, String>> manifest() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("manifest.csv"), StandardCharsets.UTF_8);
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> values = fields(line);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One RFC 4180 line. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cur.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The envelope {@code scan --sender} builds: recipients from To, Cc and Bcc; the time from Date. */
    private static Envelope envelope(byte[] message, String sender) throws MessagingException {
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(message), true);
        List<String> recipients = new ArrayList<>();
        for (String field : List.of("To", "Cc", "Bcc")) {
            String value = headers.getHeader(field, ",");
            if (value != null) {
                try {
                    for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                        recipients.add(a.getAddress());
                    }
                } catch (AddressException e) {
                    throw new IllegalStateException("unreadable " + field + " in a case", e);
                }
            }
        }
        Instant at;
        try {
            at = new MailDateFormat().parse(headers.getHeader("Date", null)).toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable Date in a case", e);
        }
        return new Envelope("eval", sender, recipients, InetAddress.getLoopbackAddress(), "eval", Optional.empty(), at);
    }
}
