package nl.lekwacht.evaluation;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks recipient organisation B against its manifest and histories, calling no detector: every
 * case exists, is from its sender and dated after the sender's history, names its recipient; a slip's
 * recipient was never mailed (or, for autocomplete-rare, once or twice) while the intended one was
 * mailed often; autocomplete slips share first letters or the first name with the intended one;
 * replies belong to threads of the history; no case holds a BSN-like number; splits are balanced.
 */
final class RecipientsBConsistency {

    private static final Map<String, Integer> MINIMUM = Map.of("typo", 60, "other-domain", 60, "known-name", 60,
            "autocomplete-new", 120, "autocomplete-rare", 60, "ordinary", 500);
    private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");

    private final Path dir;
    private final Session session = Session.getInstance(new Properties());
    private final List<String> problems = new ArrayList<>();

    /** What one sender's history says: how often each address was mailed, its names, thread IDs, last date. */
    private static final class Known {
        final Map<String, Integer> count = new HashMap<>();
        final Map<String, String> name = new HashMap<>();
        final Set<String> ids = new HashSet<>();
        Date last = new Date(0);
        int messages;
    }

    RecipientsBConsistency(Path dir) {
        this.dir = dir;
    }

    List<String> check() throws Exception {
        Path manifest = dir.resolve("manifest.csv");
        if (!String.join(",", Manifest.header(manifest)).equals(RecipientsB.HEADER)) {
            problems.add("recipients-b manifest header is not " + RecipientsB.HEADER);
            return problems;
        }
        Map<String, Known> histories = new HashMap<>();
        Map<String, int[]> balance = new TreeMap<>();
        for (Manifest.Row r : Manifest.read(manifest)) {
            String where = "recipients-b line " + r.line() + " (" + r.get("file") + ")";
            String sender = r.get("sender");
            Known known = histories.computeIfAbsent(sender, this::history);
            String kind = r.get("kind");
            String split = r.get("split");
            balance.computeIfAbsent(kind, k -> new int[2])[split.equals("dev") ? 0 : 1]++;
            if (!MINIMUM.containsKey(kind)) {
                problems.add(where + ": unknown kind " + kind);
                continue;
            }
            if (!r.get("expect").equals(kind.equals("ordinary") ? "DELIVER" : "HOLD")) {
                problems.add(where + ": expect " + r.get("expect") + " does not fit kind " + kind);
            }
            Path file = dir.resolve(r.get("file"));
            if (!Files.isRegularFile(file) || !r.get("file").startsWith("cases/" + split + "/")) {
                problems.add(where + ": file missing or not in cases/" + split);
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(bytes));
            String from = ((InternetAddress) m.getFrom()[0]).getAddress();
            if (!from.equalsIgnoreCase(sender)) {
                problems.add(where + ": From " + from + " is not the sender");
            }
            if (!m.getSentDate().after(known.last)) {
                problems.add(where + ": dated before the end of the sender's history");
            }
            String recipient = r.get("recipient").toLowerCase(Locale.ROOT);
            Set<String> visible = new HashSet<>();
            for (Message.RecipientType t : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                Address[] a = m.getRecipients(t);
                if (a != null) {
                    for (Address x : a) {
                        visible.add(((InternetAddress) x).getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (!visible.contains(recipient)) {
                problems.add(where + ": recipient not in To or Cc");
            }
            int seen = known.count.getOrDefault(recipient, 0);
            String intended = r.get("intended").toLowerCase(Locale.ROOT);
            int intendedSeen = known.count.getOrDefault(intended, 0);
            switch (kind) {
                case "ordinary" -> {
                    boolean isNew = r.get("notes").contains("new correspondent");
                    if (isNew != (seen == 0)) {
                        problems.add(where + ": ordinary recipient mailed " + seen + " times, notes say "
                                + (isNew ? "new" : "known"));
                    }
                }
                case "autocomplete-rare" -> {
                    if (seen < 1 || seen > 2 || intendedSeen < 5) {
                        problems.add(where + ": autocomplete-rare recipient mailed " + seen + " times, intended "
                                + intendedSeen);
                    }
                }
                default -> {
                    if (seen != 0 || intendedSeen < 3) {
                        problems.add(where + ": " + kind + " recipient mailed " + seen + " times, intended " + intendedSeen);
                    }
                }
            }
            if (kind.startsWith("autocomplete") && !sharesStart(recipient, intended, known.name.get(intended),
                    known.name.get(recipient), m)) {
                problems.add(where + ": autocomplete recipient shares neither first letters nor first name");
            }
            String[] reply = m.getHeader("In-Reply-To");
            if (reply != null) {
                String[] refs = m.getHeader("References");
                boolean threaded = false;
                Matcher ids = ID.matcher(refs == null ? "" : refs[0]);
                while (ids.find()) {
                    threaded |= known.ids.contains(ids.group());
                }
                if (!threaded) {
                    problems.add(where + ": a reply whose References name no message of the history");
                }
            }
            String text = DecodedText.of(bytes);
            Matcher nine = Pattern.compile("(?<!\\d)\\d{9}(?!\\d)").matcher(text);
            while (nine.find()) {
                if (ElfProef.passes(nine.group())) {
                    problems.add(where + ": holds a nine-digit number valid by the 11-proef");
                }
            }
        }
        System.out.println("recipients-b          dev  holdout");
        balance.forEach((k, v) -> System.out.printf("  %-20s %4d %4d%n", k, v[0], v[1]));
        balance.forEach((k, v) -> {
            if (v[0] + v[1] < MINIMUM.getOrDefault(k, 0)) {
                problems.add("recipients-b: only " + (v[0] + v[1]) + " " + k + " cases");
            }
            if (Math.abs(v[0] - v[1]) > Math.max(2, (v[0] + v[1]) / 20)) {
                problems.add("recipients-b " + k + " unbalanced: " + v[0] + " dev, " + v[1] + " holdout");
            }
        });
        histories.forEach((s, k) -> System.out.printf("  history %-42s %4d messages, %3d addresses%n", s, k.messages,
                k.count.size()));
        return problems;
    }

    private boolean sharesStart(String recipient, String intended, String intendedName, String recipientName,
                                MimeMessage m) throws Exception {
        if (recipient.regionMatches(0, intended, 0, 3)) {
            return true;
        }
        String first = firstName(intendedName);
        String shown = firstName(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        return first != null && (recipient.startsWith(Dutch.ascii(first).toLowerCase(Locale.ROOT))
                || first.equalsIgnoreCase(shown) || first.equalsIgnoreCase(firstName(recipientName)));
    }

    private static String firstName(String display) {
        if (display == null || display.isBlank()) {
            return null;
        }
        String d = display.contains(",") ? display.substring(display.indexOf(',') + 1).trim() : display.trim();
        return d.split("[ |]")[0];
    }

    private Known history(String sender) {
        Known k = new Known();
        Path mbox = dir.resolve("history").resolve(sender + ".mbox");
        try {
            String all = new String(Files.readAllBytes(mbox), StandardCharsets.ISO_8859_1);
            for (String msg : all.split("(?m)^From (?=\\S+@\\S+ )")) {
                if (msg.isBlank()) {
                    continue;
                }
                String body = msg.substring(msg.indexOf('\n') + 1).replaceAll("(?m)^>(>*From )", "$1");
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)));
                k.messages++;
                if (m.getSentDate().after(k.last)) {
                    k.last = m.getSentDate();
                }
                k.ids.add(m.getMessageID());
                String[] refs = m.getHeader("References");
                if (refs != null) {
                    Matcher ids = ID.matcher(refs[0]);
                    while (ids.find()) {
                        k.ids.add(ids.group());
                    }
                }
                for (Message.RecipientType t : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
                    Address[] a = m.getRecipients(t);
                    if (a != null) {
                        for (Address x : a) {
                            InternetAddress ia = (InternetAddress) x;
                            String addr = ia.getAddress().toLowerCase(Locale.ROOT);
                            k.count.merge(addr, 1, Integer::sum);
                            if (ia.getPersonal() != null) {
                                k.name.put(addr, ia.getPersonal());
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            problems.add("recipients-b: history of " + sender + " unreadable: " + e);
        }
        return k;
    }
}
