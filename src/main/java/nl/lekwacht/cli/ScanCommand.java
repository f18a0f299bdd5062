package nl.lekwacht.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import nl.lekwacht.config.ConfigLoader;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.spool.Spool;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.policy.PolicySide;
import nl.lekwacht.flow.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Inspects one message file offline and prints findings and verdict. Exit 0 deliver, 3 hold or delay,
 * 4 reject, 2 error. Offline means: no store is opened or created (recipients are judged without
 * correspondence history, as for a sender still learning) and no port is used; a parser process is
 * started only when a part needs extraction, so a message without attachments answers at once.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, description = "Inspect one .eml file and print the findings and the verdict.")
final class ScanCommand implements Callable<Integer> {

    static final int HOLD = 3;
    static final int REJECT = 4;

    @Parameters(index = "0", paramLabel = "FILE.eml", description = "the message to inspect")
    Path file;

    @Option(names = "--sender", description = "envelope sender (default: the From: address)")
    String sender;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE}, if present)")
    Path config = ConfigFiles.DEFAULT;

    /** Makes the attachment extractor; a seam for tests that look at the parser processes it started. */
    private final Function<LekwachtConfig, ? extends ContentExtractor> extractors;

    ScanCommand() {
        this(InspectSide::oneMessageExtractor);
    }

    ScanCommand(Function<LekwachtConfig, ? extends ContentExtractor> extractors) {
        this.extractors = extractors;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": no such file");
            return Commands.ERROR;
        }
        Envelope envelope = envelope(file, sender);
        LekwachtConfig loaded = ConfigFiles.exists(config) ? ConfigFiles.load(config) : fallback(envelope);
        ConfigFiles.validate(loaded);
        if (!ConfigFiles.report(loaded, config, System.err)) {
            return Commands.ERROR;
        }
        Screened screened;
        try (ContentExtractor extractor = extractors.apply(loaded);
             Spool spool = Spool.ofBytes(Files.readAllBytes(file))) {
            screened = PolicySide.screener(loaded, extractor, InspectSide.inspector(loaded, HistoryView.EMPTY), true)
                    .screen(envelope, spool);
        }
        Verdict verdict = screened.verdict();
        if (json) {
            printJson(verdict, System.out);
        } else {
            printText(verdict, System.out);
        }
        return switch (verdict.action()) {
            case DELIVER -> 0;
            case DELAY, HOLD -> HOLD;
            case REJECT -> REJECT;
        };
    }

    /** Without a config file, the sender's own domain is taken as the organisation's. */
    private static LekwachtConfig fallback(Envelope envelope) {
        String domain = envelope.senderDomain().isEmpty() ? "example.invalid" : envelope.senderDomain();
        return new ConfigLoader(System.getenv()).parse("organisation:\n  internal-domains: [\"" + domain + "\"]\n");
    }

    private static Envelope envelope(Path file, String sender) throws IOException, MessagingException {
        InternetHeaders headers;
        try (InputStream in = Files.newInputStream(file)) {
            headers = new InternetHeaders(in, true);
        }
        List<String> recipients = new ArrayList<>();
        for (String field : List.of("To", "Cc", "Bcc")) {
            String value = headers.getHeader(field, ",");
            if (value != null) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        if (address.getAddress() != null) {
                            recipients.add(address.getAddress());
                        }
                    }
                } catch (AddressException e) {
                    // an unreadable header contributes no recipients; the parser reports it
                }
            }
        }
        String from = sender;
        if (from == null) {
            String value = headers.getHeader("From", ",");
            try {
                InternetAddress[] parsed = value == null ? new InternetAddress[0] : InternetAddress.parseHeader(value, false);
                from = parsed.length > 0 && parsed[0].getAddress() != null ? parsed[0].getAddress() : "";
            } catch (AddressException e) {
                from = "";
            }
        }
        return new Envelope("scan", from, recipients, InetAddress.getLoopbackAddress(), "scan", Optional.empty(),
                Clock.systemUTC().instant());
    }

    private static void printText(Verdict verdict, PrintStream out) {
        out.println("verdict: " + verdict.action());
        if (verdict.findings().isEmpty()) {
            out.println("findings: none");
        }
        for (Finding finding : verdict.findings()) {
            out.printf("- %s %s in %s%s (count %d) %s%s%n", finding.code(), finding.severity(), finding.where(),
                    finding.part().isEmpty() || finding.part().equals(Finding.HEADER) ? "" : " (part " + finding.part() + ")",
                    finding.count(), finding.message(),
                    finding.evidence().isEmpty() ? "" : " [" + String.join(", ", finding.evidence()) + "]");
        }
        for (String reason : verdict.reasons()) {
            out.println("reason: " + reason);
        }
    }

    private static void printJson(Verdict verdict, PrintStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("verdict", verdict.action().name());
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : verdict.findings()) {
            ObjectNode node = findings.addObject();
            node.put("code", finding.code().name());
            node.put("severity", finding.severity().name());
            node.put("where", finding.where());
            node.put("part", finding.part());
            node.put("count", finding.count());
            ArrayNode evidence = node.putArray("evidence");
            finding.evidence().forEach(evidence::add);
            node.put("message", finding.message());
            if (!finding.details().isEmpty()) {
                ObjectNode details = node.putObject("details");
                finding.details().forEach(details::put);
            }
        }
        ArrayNode reasons = root.putArray("reasons");
        verdict.reasons().forEach(reasons::add);
        out.println(mapper.writeValueAsString(root));
    }
}
