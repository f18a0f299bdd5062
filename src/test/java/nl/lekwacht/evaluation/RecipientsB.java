package nl.lekwacht.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Generates recipient organisation B: sent-mail histories (mbox per sender, January to May 2025) and
 * test messages dated June 2025, slips (typo, other-domain, known-name, autocomplete to a new or a
 * rarely mailed address) and ordinary mail, with manifest.csv.
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=nl.lekwacht.evaluation.RecipientsB}
 */
public final class RecipientsB {

    static final long DEFAULT_SEED = 20250613L;
    static final String HEADER = "file,split,sender,kind,recipient,intended,expect,notes";
    static final LocalDate HISTORY_START = LocalDate.of(2025, 1, 6);
    static final LocalDate HISTORY_END = LocalDate.of(2025, 5, 30);
    static final LocalDate CASES_START = LocalDate.of(2025, 6, 2);
    private static final DateTimeFormatter MBOX_DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    /** A case before it is written: the draft, and what the manifest says about it. */
    record Pending(String sender, String kind, String recipient, String intended, String expect, String notes,
                   Draft draft, MailWriter.Client client) {
    }

    private RecipientsB() {
    }

    public static void main(String[] args) throws IOException {
        long seed = DEFAULT_SEED;
        Path out = Path.of("src/test/resources/evaluation/recipients-b");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random random = new Random(seed);
        Correspondents people = new Correspondents(random);
        MailWriter writer = new MailWriter(random);
        List<SenderHistory> senders = SenderHistory.staff(random, people);
        clean(out);
        Files.createDirectories(out.resolve("history"));
        for (SenderHistory s : senders) {
            s.build(HISTORY_START, HISTORY_END);
            StringBuilder mbox = new StringBuilder();
            for (Draft d : s.sent()) {
                byte[] eml = writer.write(d, s.client());
                String text = new String(eml, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
                mbox.append("From ").append(s.me().address()).append(' ')
                        .append(MBOX_DATE.format(d.date.withZoneSameInstant(java.time.ZoneOffset.UTC))).append('\n');
                for (String line : text.split("\n", -1)) {
                    mbox.append(line.matches("^>*From .*") ? ">" + line : line).append('\n');
                }
            }
            Files.write(out.resolve("history").resolve(s.me().address() + ".mbox"),
                    mbox.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        List<Pending> cases = new ArrayList<>();
        for (SenderHistory s : senders) {
            cases.addAll(new SlipMaker(random, people, s).cases(CASES_START));
        }
        write(cases, writer, out, new Random(seed ^ 0x5EED5EEDL));
        Files.writeString(out.resolve("organisation.yml"), organisation(senders), StandardCharsets.UTF_8);
        System.out.println("recipient organisation B: " + senders.size() + " senders, " + cases.size() + " cases");
    }

    private static void write(List<Pending> cases, MailWriter writer, Path out, Random splitter) throws IOException {
        Map<String, List<Pending>> byGroup = new LinkedHashMap<>();
        for (Pending p : cases) {
            byGroup.computeIfAbsent(p.sender() + "/" + p.kind(), k -> new ArrayList<>()).add(p);
        }
        Map<Pending, String> split = new LinkedHashMap<>();
        boolean extraToDev = splitter.nextBoolean();
        for (List<Pending> group : byGroup.values()) {
            List<Pending> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, splitter);
            int dev = shuffled.size() / 2 + (shuffled.size() % 2 == 1 && extraToDev ? 1 : 0);
            if (shuffled.size() % 2 == 1) {
                extraToDev = !extraToDev;
            }
            for (int i = 0; i < shuffled.size(); i++) {
                split.put(shuffled.get(i), i < dev ? "dev" : "holdout");
            }
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            numbers.add(i + 1);
        }
        Collections.shuffle(numbers, splitter);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Pending p = cases.get(i);
            String file = "cases/" + split.get(p) + "/c" + String.format("%04d", numbers.get(i)) + ".eml";
            Path target = out.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, writer.write(p.draft(), p.client()));
            rows.add(String.join(",", file, split.get(p), p.sender(), p.kind(), p.recipient(), p.intended(), p.expect(),
                    ContentCorpusB.quote(p.notes())));
        }
        rows.sort(Comparator.naturalOrder());
        Files.writeString(out.resolve("manifest.csv"), HEADER + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
    }

    private static String organisation(List<SenderHistory> senders) {
        StringBuilder b = new StringBuilder("""
                # Recipient organisation B: Werkplein Noordwaard, a made-up intergemeentelijke sociale dienst.
                # The keys under organisation are the gateway's config keys; the rest describes the data.
                organisation:
                  internal-domains: [sociaaldomein-b.example, werkplein-noordwaard.example]
                  consumer-mail-domains: [%s]
                  trusted-partner-domains: []   # none on purpose: partners are learned from the history
                time-zone: Europe/Amsterdam
                history:
                  from: %s
                  to: %s
                cases:
                  from: %s
                senders:
                """.formatted(String.join(", ", Correspondents.CONSUMER), HISTORY_START, HISTORY_END, CASES_START));
        for (SenderHistory s : senders) {
            b.append("  - address: ").append(s.me().address()).append('\n')
                    .append("    name: \"").append(s.me().name()).append("\"\n")
                    .append("    role: ").append(s.role()).append('\n')
                    .append("    shared-mailbox: ").append(s.shared()).append('\n')
                    .append("    history: history/").append(s.me().address()).append(".mbox\n")
                    .append("    messages: ").append(s.sent().size()).append('\n');
        }
        return b.toString();
    }

    private static void clean(Path out) throws IOException {
        for (String dir : List.of("history", "cases")) {
            Path d = out.resolve(dir);
            if (Files.exists(d)) {
                try (Stream<Path> walk = Files.walk(d)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    static ZonedDateTime at(LocalDate day, Random random) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d.atTime(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60)).atZone(Kit.AMSTERDAM);
    }
}
