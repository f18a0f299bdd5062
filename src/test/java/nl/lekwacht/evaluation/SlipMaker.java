package nl.lekwacht.evaluation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The June test messages of one sender: slips that keep the intended correspondent's thread,
 * subject and co-recipients but go to another address, and ordinary mail that must pass.
 */
final class SlipMaker {

    private final Random random;
    private final Dutch nl;
    private final Correspondents people;
    private final SenderHistory s;
    private LocalDate start;

    SlipMaker(Random random, Correspondents people, SenderHistory s) {
        this.random = random;
        this.nl = new Dutch(random);
        this.people = people;
        this.s = s;
    }

    List<RecipientsB.Pending> cases(LocalDate from) {
        this.start = from;
        List<RecipientsB.Pending> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(typo());
            out.add(otherDomain());
            out.add(knownName());
            out.add(autocompleteRare(i));
        }
        for (int i = 0; i < 16; i++) {
            out.add(autocompleteNew());
        }
        for (int i = 0; i < 22; i++) {
            out.add(ordinaryReply());
        }
        for (int i = 0; i < 12; i++) {
            out.add(ordinaryNew(s.frequent.get(random.nextInt(s.frequent.size())), "new thread to a frequent correspondent"));
        }
        for (int i = 0; i < 6; i++) {
            List<Correspondents.Contact> shadowed = new ArrayList<>(s.shadowOf.keySet());
            out.add(ordinaryNew(shadowed.get(i % shadowed.size()),
                    "to a frequent correspondent who has a rarely mailed look-alike in the history"));
        }
        for (int i = 0; i < 8; i++) {
            Correspondents.Contact c = s.colleagues.get(random.nextInt(s.colleagues.size()));
            out.add(random.nextBoolean() ? ordinaryNew(c, "internal colleague") : replyTo(c, "reply to an internal colleague"));
        }
        for (int i = 0; i < 6; i++) {
            out.add(groupMail(i));
            out.add(rareInContext(i));
            out.add(newCorrespondent());
        }
        return out;
    }

    private ZonedDateTime when() {
        return RecipientsB.at(start.plusDays(random.nextInt(26)), random);
    }

    /** A frequent correspondent mailed at least three times in the history. */
    private Correspondents.Contact anyFrequent() {
        List<Correspondents.Contact> often = s.frequent.stream().filter(f -> s.mailed(f) >= 3).toList();
        return often.get(random.nextInt(often.size()));
    }

    /** The mail the sender means to write to {@code f}: in one of f's threads, or a new one. */
    private Draft intended(Correspondents.Contact f, StringBuilder notes) {
        List<SenderHistory.Thread> ts = s.threads.getOrDefault(f, List.of());
        if (!ts.isEmpty() && random.nextDouble() < 0.55) {
            SenderHistory.Thread t = ts.get(random.nextInt(ts.size())).copy();
            t.ids.add(s.receivedId(f));
            notes.append("reply in the intended correspondent's thread");
            return s.message(t, when(), true);
        }
        SenderHistory.Thread t = new SenderHistory.Thread(f, s.texts().topic(f), s.usualCc.getOrDefault(f, List.of()));
        notes.append("new message on the intended correspondent's subject");
        return s.message(t, when(), false);
    }

    private RecipientsB.Pending slip(String kind, Correspondents.Contact f, String recipient, String display,
                                     String how) {
        StringBuilder notes = new StringBuilder();
        Draft d = intended(f, notes);
        d.to.clear();
        d.to(display, recipient);
        if (!d.cc.isEmpty()) {
            notes.append(", the intended one's usual Cc kept");
        }
        notes.append("; ").append(how);
        return new RecipientsB.Pending(s.me().address(), kind, recipient, f.address(), "HOLD", notes.toString(), d,
                s.client());
    }

    private RecipientsB.Pending typo() {
        Correspondents.Contact f = anyFrequent();
        String a = people.typo(f);
        boolean named = random.nextBoolean();
        return slip("typo", f, a, named ? f.name() : "", "typing slip in the local part" + (named
                ? ", the intended one's display name kept" : ", no display name"));
    }

    private RecipientsB.Pending otherDomain() {
        Correspondents.Contact f = anyFrequent();
        String a = people.otherDomain(f);
        return slip("other-domain", f, a, random.nextInt(10) < 7 ? f.name() : "", "same local part at another domain");
    }

    private RecipientsB.Pending knownName() {
        Correspondents.Contact f = anyFrequent();
        String a = people.namesake(f);
        String display = f.name().isEmpty() ? f.first() + " " + f.last() : f.name();
        return slip("known-name", f, a, display, "the intended one's name on a different person's address");
    }

    private RecipientsB.Pending autocompleteNew() {
        Correspondents.Contact f = anyFrequent();
        Correspondents.Contact x = people.lookAlike(f);
        int r = random.nextInt(20);
        String display = r < 12 ? x.name() : r < 17 ? f.name() : "";
        return slip("autocomplete-new", f, x.address(), display, "autocomplete offered a never-mailed address sharing "
                + (x.first().equalsIgnoreCase(f.first()) ? "the first name" : "the first letters") + "; display name "
                + (r < 12 ? "of the completed entry" : r < 17 ? "of the intended one" : "absent"));
    }

    private RecipientsB.Pending autocompleteRare(int i) {
        List<Correspondents.Contact> keys = s.shadowOf.keySet().stream().filter(f -> s.mailed(f) >= 5).toList();
        Correspondents.Contact f = keys.get(i % keys.size());
        Correspondents.Contact r = s.shadowOf.get(f);
        boolean completedName = random.nextInt(4) > 0;
        return slip("autocomplete-rare", f, r.address(), completedName ? r.name() : f.name(),
                "autocomplete chose a known but rarely mailed address sharing the first letters or first name; display "
                        + "name " + (completedName ? "of the completed entry" : "of the intended one"));
    }

    private RecipientsB.Pending ordinary(Draft d, String recipient, String notes) {
        return new RecipientsB.Pending(s.me().address(), "ordinary", recipient, recipient, "DELIVER", notes, d, s.client());
    }

    private RecipientsB.Pending ordinaryReply() {
        Correspondents.Contact f = anyFrequent();
        return replyTo(f, "reply in a thread with a frequent correspondent");
    }

    private RecipientsB.Pending replyTo(Correspondents.Contact c, String notes) {
        List<SenderHistory.Thread> ts = s.threads.getOrDefault(c, List.of());
        if (ts.isEmpty()) {
            return ordinaryNew(c, notes.replace("reply", "message"));
        }
        SenderHistory.Thread t = ts.get(random.nextInt(ts.size())).copy();
        t.ids.add(s.receivedId(c));
        return ordinary(s.message(t, when(), true), c.address(), notes);
    }

    private RecipientsB.Pending ordinaryNew(Correspondents.Contact c, String notes) {
        SenderHistory.Thread t = new SenderHistory.Thread(c, s.texts().topic(c), s.usualCc.getOrDefault(c, List.of()));
        return ordinary(s.message(t, when(), false), c.address(), notes);
    }

    private RecipientsB.Pending groupMail(int i) {
        int g = i % 2;
        ZonedDateTime w = when();
        Draft d = s.draft(s.groupNames.get(g) + " week " + w.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), w);
        for (Correspondents.Contact c : s.groups.get(g)) {
            d.to(c.name(), c.address());
        }
        d.text(s.texts().group(s.groupNames.get(g), 30 + i));
        return ordinary(d, s.groups.get(g).get(0).address(), "the recurring group mail, same recipients as in the history");
    }

    private RecipientsB.Pending rareInContext(int i) {
        List<Correspondents.Contact> plain = s.rare.stream().filter(r -> !s.shadowOf.containsValue(r)).toList();
        Correspondents.Contact r = i % 3 == 2 ? s.rare.get(i % 7) : plain.get(i % plain.size());
        return replyTo(r, "reply in the thread of a rarely mailed correspondent"
                + (s.shadowOf.containsValue(r) ? " who shares first letters with a frequent one" : ""));
    }

    private RecipientsB.Pending newCorrespondent() {
        String[] domains = {"vergadercentrum-de-waard.example", "opleidingen-sociaal.example",
                "mantelzorg-noordwaard.example", "drukkerij-polderveen.example", "werkgeversservicepunt-b.example"};
        String domain = domains[random.nextInt(domains.length)];
        String local = nl.one("info", "reserveringen", "contact", "secretariaat", "offerte");
        String address = local + "@" + domain;
        Draft d = s.draft(nl.one("Informatieverzoek", "Reservering zaal", "Offerteaanvraag", "Uitnodiging"), when());
        d.to("", address);
        if (random.nextBoolean()) {
            Correspondents.Contact c = s.colleagues.get(0);
            d.cc(c.name(), c.address());
        }
        d.text("Goedemiddag,\n\n" + s.texts().neutralNew() + "\n\nMet vriendelijke groet,\n\n"
                + s.me().name().replaceFirst("^(\\w+), (\\w+)$", "$2 $1") + "\nWerkplein Noordwaard");
        return ordinary(d, address, "a new correspondent, no personal data");
    }
}
