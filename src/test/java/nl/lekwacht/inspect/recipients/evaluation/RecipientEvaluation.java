package nl.lekwacht.inspect.recipients.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lekwacht.flow.Verdict;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.InspectionResult;
import nl.lekwacht.inspect.recipients.evaluation.SyntheticOrganisation.Address;
import nl.lekwacht.inspect.recipients.evaluation.SyntheticOrganisation.Mail;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.MessageHeaders;
import nl.lekwacht.message.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipient detection quality, measured through the gateway's own parts: history learned by
 * {@code history import} into a store, mail screened by the configured inspector and policy. Not part
 * of the default suite; each organisation runs when its property is given:
 *
 * <pre>
 * mvn -B test -Dtest=RecipientEvaluation -Dlekwacht.evaluation.seed=2     # organisation A (generated)
 * mvn -B test -Dtest=RecipientEvaluation -Dlekwacht.evaluation.b=dev      # organisation B, dev half
 * mvn -B test -Dtest=RecipientEvaluation -Dlekwacht.evaluation.b=holdout  # B's holdout: once, at the end
 * </pre>
 *
 * Printed per slip kind: the share held; and the share of ordinary mail held. The assertions are
 * sanity only (everything was screened), never a quality bar.
 */
class RecipientEvaluation {

    @Test
    @EnabledIfSystemProperty(named = "lekwacht.evaluation.b", matches = "dev|holdout")
    void organisationB() throws Exception {
        String split = System.getProperty("lekwacht.evaluation.b");
        boolean details = split.equals("dev") && Boolean.getBoolean("lekwacht.evaluation.details");
        long started = System.nanoTime();
        OrganisationB.Score score = OrganisationB.score(split, details, System.out);
        System.out.printf("%nRecipient evaluation, organisation B (%s), %.1f s%n", split,
                (System.nanoTime() - started) / 1e9);
        score.kinds().print(System.out, "  ");
        System.out.printf("  ordinary held by VISIBLE_RECIPIENTS alone: %d%n", score.visibleOnly());
        if (split.equals("dev")) {
            System.out.println("  ordinary mail by kind:");
            score.ordinary().print(System.out, "    ");
        }
        score.misses().forEach(m -> System.out.println("    " + m));
        assertEquals(264, score.kinds().total("ordinary"));
        assertEquals(64, score.kinds().total("autocomplete-new"));
    }

    @Test
    @EnabledIfSystemProperty(named = "lekwacht.evaluation.seed", matches = "\\d+")
    void organisationA(@TempDir Path sent) throws Exception {
        long seed = Long.getLong("lekwacht.evaluation.seed");
        int months = Integer.getInteger("lekwacht.evaluation.months", 9);
        int warmUp = Integer.getInteger("lekwacht.evaluation.warmUpMonths", 3);
        long started = System.nanoTime();
        List<Mail> mail = new SyntheticOrganisation(seed, months, warmUp).mail();
        Instant end = mail.get(mail.size() - 1).at().plus(Duration.ofDays(1));
        try (EvaluationGateway gateway = new EvaluationGateway("  internal-domains: [\""
                + SyntheticOrganisation.OWN_DOMAIN + "\"]\n", end)) {
            // The months before scoring are the Sent folders exported at installation.
            int imported = 0;
            for (Map.Entry<String, Path> e : sentFolders(mail, sent).entrySet()) {
                imported += gateway.importMbox(e.getValue(), e.getKey()).learned();
            }
            gateway.reopen();
            Tally kinds = new Tally();
            Map<String, Integer> heldOrdinaryBy = new java.util.TreeMap<>();
            int exposures = 0;
            int exposuresHeld = 0;
            LocalDate day = null;
            for (Mail m : mail) {
                if (!m.scored()) {
                    continue;
                }
                LocalDate today = LocalDate.ofInstant(m.at(), ZoneOffset.UTC);
                if (!today.equals(day)) {
                    gateway.pass(Duration.ofDays(1));
                    day = today;
                }
                OutboundMessage message = message(m);
                InspectionResult result = gateway.inspector().inspect(message);
                Verdict verdict = gateway.policy().decide(result, message.envelope());
                boolean held = verdict.action() != Verdict.Action.DELIVER;
                if (m.slip() != null) {
                    kinds.count(m.slip().name(), held && (verdict.codeSet().contains(FindingCode.MISDIRECTED_RECIPIENT)
                            || verdict.codeSet().contains(FindingCode.NEW_RECIPIENT_WITH_PERSONAL_DATA)));
                } else if (m.exposure()) {
                    exposures++;
                    exposuresHeld += held ? 1 : 0;
                } else {
                    kinds.count("ORDINARY", held);
                    if (held) {
                        result.findings().stream().filter(f -> f.code() == FindingCode.MISDIRECTED_RECIPIENT)
                                .map(f -> f.details().getOrDefault("rule", "") + "/" + f.details().getOrDefault(
                                        "score", "")).findFirst().or(() -> Optional.of(String.valueOf(verdict.codeSet())))
                                .ifPresent(why -> heldOrdinaryBy.merge(why, 1, Integer::sum));
                    }
                }
                // Delivered mail is learned; a slip is learned as the sender corrected it after the hold.
                OutboundMessage delivered = m.slip() == null ? message : message(corrected(m));
                gateway.history().learn(delivered, m.at());
            }
            System.out.printf("%nRecipient evaluation, organisation A (seed %d): %d messages over %d months, the "
                    + "first %d imported as sent mail (%d learned), %.1f s%n", seed, mail.size(), months, warmUp,
                    imported, (System.nanoTime() - started) / 1e9);
            kinds.print(System.out, "  ");
            System.out.printf("  exposures (residents shown to each other; not ordinary mail): %d, held %d%n",
                    exposures, exposuresHeld);
            heldOrdinaryBy.forEach((why, n) -> System.out.printf("  ordinary held by %-40s %d%n", why, n));
            assertTrue(kinds.total("ORDINARY") > 0 && imported > 0);
        }
    }

    /** One mbox per sender with the headers of what they sent before scoring starts. */
    private static Map<String, Path> sentFolders(List<Mail> mail, Path dir) throws IOException {
        Map<String, BufferedWriter> writers = new HashMap<>();
        Map<String, Path> files = new java.util.TreeMap<>();
        MailDateFormat dates = new MailDateFormat();
        int n = 0;
        try {
            for (Mail m : mail) {
                if (m.scored()) {
                    continue;
                }
                BufferedWriter w = writers.get(m.sender());
                if (w == null) {
                    Path file = dir.resolve(m.sender() + ".mbox");
                    files.put(m.sender(), file);
                    w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    writers.put(m.sender(), w);
                }
                w.write("From " + m.sender() + " " + m.at() + "\n");
                w.write("From: <" + m.sender() + ">\n");
                header(w, "To", m.to());
                header(w, "Cc", m.cc());
                header(w, "Bcc", m.bcc());
                w.write("Date: " + dates.format(Date.from(m.at())) + "\n");
                w.write("Message-ID: <" + (n++) + "." + m.at().toEpochMilli() + "@" + SyntheticOrganisation.OWN_DOMAIN
                        + ">\n\nbody\n\n");
            }
        } finally {
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        return files;
    }

    private static void header(BufferedWriter w, String field, List<Address> addresses) throws IOException {
        if (addresses.isEmpty()) {
            return;
        }
        List<String> written = new ArrayList<>();
        for (Address a : addresses) {
            written.add(new InternetAddress(a.address(), a.name().isEmpty() ? null : a.name(), "UTF-8").toString());
        }
        w.write(field + ": " + String.join(", ", written) + "\n");
    }

    private static Mail corrected(Mail m) {
        return new Mail(m.at(), m.sender(), swap(m.to(), m), swap(m.cc(), m), m.bcc(), m.scored(), null, null, null,
                false, false);
    }

    private static List<Address> swap(List<Address> list, Mail m) {
        return list.stream().map(a -> a.address().equals(m.slipped().address()) ? m.intended() : a).toList();
    }

    private static OutboundMessage message(Mail m) {
        List<String> recipients = new ArrayList<>();
        m.to().forEach(a -> recipients.add(a.address()));
        m.cc().forEach(a -> recipients.add(a.address()));
        m.bcc().forEach(a -> recipients.add(a.address()));
        Envelope envelope = new Envelope("eval", m.sender(), recipients, InetAddress.getLoopbackAddress(), "client",
                Optional.empty(), m.at());
        MessageHeaders headers = new MessageHeaders("", List.of(new MailAddress(m.sender(), "")), Optional.empty(),
                m.to().stream().map(a -> new MailAddress(a.address(), a.name())).toList(),
                m.cc().stream().map(a -> new MailAddress(a.address(), a.name())).toList(), "", 1, List.of());
        return new OutboundMessage(envelope, headers, 1000, List.of(), List.of(), List.of());
    }
}
