package nl.lekwacht.evaluation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One sender of organisation B and the mail they sent from January to May: frequent correspondents
 * (partners and residents), colleagues, recurring groups, rarely mailed people (some of them sharing
 * the first letters of a frequent one), all in threads with Message-ID, In-Reply-To and References.
 */
final class SenderHistory {

    /** A conversation: who, about what, with whom in Cc, and the Message-IDs so far (sent and received). */
    static final class Thread {
        final Correspondents.Contact with;
        final String subject;
        final List<Correspondents.Contact> cc;
        final List<String> ids = new ArrayList<>();
        int sent;

        Thread(Correspondents.Contact with, String subject, List<Correspondents.Contact> cc) {
            this.with = with;
            this.subject = subject;
            this.cc = cc;
        }

        /** A copy to continue in a test message, leaving the history's thread as it was. */
        Thread copy() {
            Thread t = new Thread(with, subject, cc);
            t.ids.addAll(ids);
            t.sent = sent;
            return t;
        }
    }

    private final Random random;
    private final Dutch nl;
    private final Correspondents people;
    private final Draft.Person me;
    private final String role;
    private final boolean shared;
    private final List<Draft.Person> staffBehind;
    private final MailWriter.Client client;
    final List<Correspondents.Contact> frequent = new ArrayList<>();
    final List<Correspondents.Contact> colleagues = new ArrayList<>();
    final List<Correspondents.Contact> rare = new ArrayList<>();
    final Map<Correspondents.Contact, Correspondents.Contact> shadowOf = new LinkedHashMap<>();
    final List<List<Correspondents.Contact>> groups = new ArrayList<>();
    final List<String> groupNames = new ArrayList<>();
    final Map<Correspondents.Contact, List<Thread>> threads = new LinkedHashMap<>();
    final Map<Correspondents.Contact, List<Correspondents.Contact>> usualCc = new LinkedHashMap<>();
    private final List<Draft> sent = new ArrayList<>();
    private final Map<String, Integer> mailed = new LinkedHashMap<>();
    private final Texts texts;

    private SenderHistory(Random random, Correspondents people, Draft.Person me, String role, boolean shared,
                          MailWriter.Client client) {
        this.random = random;
        this.nl = new Dutch(random);
        this.people = people;
        this.me = me;
        this.role = role;
        this.shared = shared;
        this.client = client;
        this.staffBehind = new ArrayList<>();
        this.texts = new Texts(random, me);
    }

    static List<SenderHistory> staff(Random random, Correspondents people) {
        List<SenderHistory> all = new ArrayList<>();
        String a = "sociaaldomein-b.example";
        String b = "werkplein-noordwaard.example";
        all.add(new SenderHistory(random, people, new Draft.Person("Marieke Oosterhuis", "m.oosterhuis@" + a),
                "Wmo-consulent", false, MailWriter.Client.OUTLOOK));
        all.add(new SenderHistory(random, people, new Draft.Person("Bakkal, Rachid", "r.bakkal@" + a),
                "klantmanager inkomen", false, MailWriter.Client.OUTLOOK));
        all.add(new SenderHistory(random, people, new Draft.Person("Joost van der Wal", "j.vanderwal@" + a),
                "jeugdconsulent", false, MailWriter.Client.OUTLOOK));
        all.add(new SenderHistory(random, people, new Draft.Person("Sharon Tjin", "s.tjin@" + b),
                "schuldhulpverlener", false, MailWriter.Client.OUTLOOK));
        all.add(new SenderHistory(random, people, new Draft.Person("Hylke Dijkstra", "h.dijkstra@" + b),
                "werkcoach", false, MailWriter.Client.THUNDERBIRD));
        all.add(new SenderHistory(random, people, new Draft.Person("Asma El Amrani", "a.elamrani@" + a),
                "secretariaat sociaal domein", false, MailWriter.Client.OUTLOOK));
        all.add(new SenderHistory(random, people, new Draft.Person("Wmo-loket Noordwaard", "wmo-loket@" + a),
                "gedeelde mailbox Wmo-loket", true, MailWriter.Client.OUTLOOK));
        all.add(new SenderHistory(random, people, new Draft.Person("Team Inkomen | Werkplein", "inkomen@" + b),
                "gedeelde mailbox inkomen", true, MailWriter.Client.OUTLOOK));
        for (SenderHistory s : all) {
            s.cast();
        }
        return all;
    }

    Draft.Person me() {
        return me;
    }

    String role() {
        return role;
    }

    boolean shared() {
        return shared;
    }

    MailWriter.Client client() {
        return client;
    }

    List<Draft> sent() {
        return sent;
    }

    Texts texts() {
        return texts;
    }

    String myDomain() {
        return me.address().substring(me.address().indexOf('@') + 1);
    }

    private void cast() {
        int residents = shared ? 8 : 4;
        for (int i = 0; i < 12 - residents; i++) {
            frequent.add(people.partner(nl.pick(Correspondents.PARTNER_DOMAINS)));
        }
        for (int i = 0; i < residents; i++) {
            frequent.add(people.resident());
        }
        for (int i = 0; i < 6; i++) {
            colleagues.add(people.colleague(nl.pick(Correspondents.INTERNAL)));
        }
        if (shared) {
            for (int i = 0; i < 3; i++) {
                Correspondents.Contact c = colleagues.get(i);
                staffBehind.add(new Draft.Person(c.name(), c.address()));
            }
        }
        for (Correspondents.Contact f : frequent.subList(0, 7)) {
            Correspondents.Contact shadow = people.lookAlike(f);
            shadowOf.put(f, shadow);
            rare.add(shadow);
        }
        for (int i = 0; i < 5; i++) {
            rare.add(random.nextBoolean() ? people.partner(nl.pick(Correspondents.PARTNER_DOMAINS)) : people.resident());
        }
        for (Correspondents.Contact f : frequent) {
            if (f.kind().equals("partner") && random.nextInt(3) == 0) {
                usualCc.put(f, List.of(random.nextBoolean() ? colleagues.get(random.nextInt(colleagues.size()))
                        : people.partner(f.domain())));
            } else {
                usualCc.put(f, List.of());
            }
        }
        for (int g = 0; g < 2; g++) {
            List<Correspondents.Contact> group = new ArrayList<>();
            for (int i = 0; i < 3 + random.nextInt(3); i++) {
                group.add(people.partner(nl.pick(Correspondents.PARTNER_DOMAINS)));
            }
            group.add(colleagues.get(g));
            groups.add(group);
            groupNames.add(g == 0 ? nl.one("Casusoverleg wijkteam", "Netwerkoverleg jeugd", "Ketenoverleg schulden")
                    : nl.one("Regio-overleg Wmo", "Werkgroep armoede", "Afstemming re-integratie"));
        }
    }

    void build(LocalDate from, LocalDate to) {
        List<Integer> rareWeeks = new ArrayList<>();
        int weeks = (int) ((to.toEpochDay() - from.toEpochDay()) / 7) + 1;
        for (int w = 0; w < weeks; w++) {
            LocalDate monday = from.plusWeeks(w);
            for (Correspondents.Contact f : frequent) {
                if (random.nextDouble() < (f.kind().equals("resident") ? 0.38 : 0.5)) {
                    inThread(f, RecipientsB.at(monday.plusDays(random.nextInt(5)), random));
                }
            }
            for (Correspondents.Contact c : colleagues) {
                if (random.nextDouble() < 0.22) {
                    inThread(c, RecipientsB.at(monday.plusDays(random.nextInt(5)), random));
                }
            }
            group(0, RecipientsB.at(monday.plusDays(random.nextInt(2)), random), w);
            if (w % 2 == 1) {
                group(1, RecipientsB.at(monday.plusDays(2 + random.nextInt(2)), random), w);
            }
        }
        for (Correspondents.Contact r : rare) {
            int times = 1 + random.nextInt(2);
            for (int i = 0; i < times; i++) {
                // shadows were mailed early in the year: rare and not recent
                int week = shadowOf.containsValue(r) ? random.nextInt(Math.max(1, weeks / 2)) : random.nextInt(weeks);
                rareWeeks.add(week);
                inThread(r, RecipientsB.at(from.plusWeeks(week).plusDays(random.nextInt(5)), random));
            }
        }
        sent.sort(Comparator.comparing(d -> d.date));
        for (Draft d : sent) {
            for (Draft.Person p : d.to) {
                mailed.merge(p.address(), 1, Integer::sum);
            }
            for (Draft.Person p : d.cc) {
                mailed.merge(p.address(), 1, Integer::sum);
            }
        }
    }

    int mailed(Correspondents.Contact c) {
        return mailed.getOrDefault(c.address(), 0);
    }

    private void group(int g, ZonedDateTime when, int week) {
        Draft d = draft(groupNames.get(g) + " week " + (when.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)), when);
        for (Correspondents.Contact c : groups.get(g)) {
            d.to(c.name(), c.address());
        }
        d.text(texts.group(groupNames.get(g), week));
        sent.add(d);
    }

    /** Sends one message to {@code c}: a new thread, or a reply in the last one. */
    Draft inThread(Correspondents.Contact c, ZonedDateTime when) {
        List<Thread> list = threads.computeIfAbsent(c, k -> new ArrayList<>());
        Thread t = list.isEmpty() ? null : list.get(list.size() - 1);
        boolean reply = t != null && t.sent < 4 && random.nextDouble() < 0.55;
        boolean theyStarted = false;
        if (!reply) {
            t = new Thread(c, texts.topic(c), usualCc.getOrDefault(c, List.of()));
            list.add(t);
            theyStarted = random.nextInt(3) == 0;
            if (theyStarted) {
                t.ids.add(receivedId(c));
            }
        } else {
            t.ids.add(receivedId(c));
        }
        Draft d = message(t, when, reply || theyStarted);
        sent.add(d);
        return d;
    }

    /** A message in thread {@code t} to its correspondent (or, for slips, a draft to be readdressed). */
    Draft message(Thread t, ZonedDateTime when, boolean reply) {
        Draft d = draft((reply ? prefix() : "") + t.subject, when);
        d.to(t.with.name(), t.with.address());
        for (Correspondents.Contact cc : t.cc) {
            d.cc(cc.name(), cc.address());
        }
        if (reply && !t.ids.isEmpty()) {
            d.inReplyTo = t.ids.get(t.ids.size() - 1);
            // like Outlook and Thunderbird: the first message of the thread and the last few
            List<String> refs = new ArrayList<>();
            refs.add(t.ids.get(0));
            refs.addAll(t.ids.subList(Math.max(1, t.ids.size() - 5), t.ids.size()));
            d.references = String.join(" ", refs);
        }
        d.text(texts.body(t.with, t.subject, reply));
        t.ids.add(d.messageId);
        t.sent++;
        return d;
    }

    private String prefix() {
        return client == MailWriter.Client.THUNDERBIRD ? "Re: " : random.nextInt(6) == 0 ? "Antw: " : "RE: ";
    }

    Draft draft(String subject, ZonedDateTime when) {
        Draft d = new Draft().from(me.name(), me.address()).subject(subject);
        if (shared && random.nextBoolean()) {
            d.sender = staffBehind.get(random.nextInt(staffBehind.size()));
        }
        d.date = when;
        d.messageId = ownId();
        return d;
    }

    String ownId() {
        String hex = Long.toHexString(random.nextLong() & Long.MAX_VALUE).toUpperCase(Locale.ROOT);
        return client == MailWriter.Client.THUNDERBIRD
                ? "<" + hex.substring(0, 8).toLowerCase(Locale.ROOT) + "-" + hex.substring(8, 12).toLowerCase(Locale.ROOT)
                + "-4a1c-9e0f-" + hex.toLowerCase(Locale.ROOT) + "@" + myDomain() + ">"
                : "<DB9PR0" + (1 + random.nextInt(9)) + "MB" + (1000 + random.nextInt(8999)) + hex
                + "@DB9PR0" + (1 + random.nextInt(9)) + "MB" + (1000 + random.nextInt(8999)) + ".eurprd08.prod.outlook.com>";
    }

    String receivedId(Correspondents.Contact c) {
        String hex = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        return switch (c.domain()) {
            case "gmail.com" -> "<CAK" + hex + "x" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "@mail.gmail.com>";
            case "icloud.com" -> "<" + hex.toUpperCase(Locale.ROOT) + "@icloud.com>";
            case "hotmail.com", "hotmail.nl", "outlook.com", "live.nl" -> "<AS8P19" + (1000 + random.nextInt(8999))
                    + hex.toUpperCase(Locale.ROOT) + "@AS8P" + (100 + random.nextInt(899)) + "MB.EURP" + (100 + random.nextInt(899))
                    + ".PROD.OUTLOOK.COM>";
            default -> "<" + hex + "." + (1000 + random.nextInt(8999)) + "@" + c.domain() + ">";
        };
    }
}
