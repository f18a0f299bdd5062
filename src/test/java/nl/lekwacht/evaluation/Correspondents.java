package nl.lekwacht.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The people the organisation's staff mail: partner professionals, residents at consumer domains,
 * colleagues, and the look-alikes an address book or a slip of the keyboard produces.
 */
final class Correspondents {

    /** A correspondent as the sender's client shows it: display name and address. */
    record Contact(String name, String address, String first, String last, String kind) {
        String local() {
            return address.substring(0, address.indexOf('@'));
        }

        String domain() {
            return address.substring(address.indexOf('@') + 1);
        }
    }

    static final List<String> PARTNER_DOMAINS = List.of("zorgkantoor-rivierland.example", "ggd-noordwaard.example",
            "wijkteam-centrum.example", "wijkteam-oost.example", "jeugdhulp-de-brug.example",
            "thuiszorg-de-linde.example", "schuldhulp-oost.example", "woonstichting-waardhoven.example",
            "bewindvoering-kroon.example", "reintegratie-opmaat.example", "huisartsen-polderveen.example",
            "advocatuur-verhoef.example", "vluchtelingenwerk-noordwaard.example", "leerplicht-regio-b.example",
            "kinderopvang-het-anker.example", "ggz-rivierduinen-b.example");
    static final List<String> INTERNAL = List.of("sociaaldomein-b.example", "werkplein-noordwaard.example");
    static final List<String> CONSUMER = List.of("gmail.com", "hotmail.com", "outlook.com", "live.nl", "ziggo.nl",
            "kpnmail.nl", "icloud.com", "hotmail.nl", "planet.nl", "xs4all.nl", "home.nl", "yahoo.com");

    private final Random random;
    private final Dutch nl;
    private final Set<String> taken = new HashSet<>();

    Correspondents(Random random) {
        this.random = random;
        this.nl = new Dutch(random);
    }

    boolean taken(String address) {
        return taken.contains(address);
    }

    void reserve(String address) {
        taken.add(address);
    }

    private String first() {
        return random.nextBoolean() ? nl.pick(Dutch.FIRST_F) : nl.pick(Dutch.FIRST_M);
    }

    private static String clean(String s) {
        return Dutch.ascii(s).toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
    }

    private String partnerName(String first, String prefix, String last, String domain) {
        String full = first + " " + (prefix.isEmpty() ? "" : prefix + " ") + last;
        String org = domain.substring(0, domain.indexOf('.')).replace('-', ' ');
        return switch (random.nextInt(4)) {
            case 0 -> last + ", " + first + (prefix.isEmpty() ? "" : " " + prefix);
            case 1 -> full + " | " + Character.toUpperCase(org.charAt(0)) + org.substring(1);
            default -> full;
        };
    }

    Contact partner(String domain) {
        while (true) {
            String first = first();
            String prefix = nl.pick(Dutch.PREFIX);
            String last = nl.pick(Dutch.SURNAME);
            String local = switch (random.nextInt(3)) {
                case 0 -> clean(first.substring(0, 1)) + "." + clean(prefix + last);
                case 1 -> clean(first) + "." + clean(prefix + last);
                default -> clean(first.substring(0, 1)) + clean(prefix + last);
            };
            Contact c = new Contact(partnerName(first, prefix, last, domain), local + "@" + domain, first,
                    (prefix.isEmpty() ? "" : prefix + " ") + last, "partner");
            if (taken.add(c.address())) {
                return c;
            }
        }
    }

    Contact resident() {
        while (true) {
            String first = first();
            String prefix = nl.pick(Dutch.PREFIX);
            String last = nl.pick(Dutch.SURNAME);
            int year = 1950 + random.nextInt(55);
            String local = switch (random.nextInt(5)) {
                case 0 -> clean(first) + "." + clean(prefix + last);
                case 1 -> clean(first) + clean(last) + (year % 100);
                case 2 -> clean(first.substring(0, 1)) + clean(prefix + last);
                case 3 -> clean(first) + "_" + clean(last);
                default -> clean(first) + year;
            };
            String name = random.nextInt(4) == 0 ? "" : first + " " + (prefix.isEmpty() ? "" : prefix + " ") + last;
            Contact c = new Contact(name, local + "@" + nl.pick(CONSUMER), first, (prefix.isEmpty() ? "" : prefix + " ") + last,
                    "resident");
            if (taken.add(c.address())) {
                return c;
            }
        }
    }

    Contact colleague(String domain) {
        Contact p = partner(domain);
        return new Contact(p.first() + " " + p.last(), p.address(), p.first(), p.last(), "colleague");
    }

    /**
     * A person the sender has never mailed (or mails rarely) whom autocomplete offers for the first
     * letters of {@code f}: same first name, or a surname or address that starts the same way.
     */
    Contact lookAlike(Contact f) {
        for (int attempt = 0; attempt < 200; attempt++) {
            String first;
            String last;
            String local;
            String domain;
            int how = random.nextInt(4);
            if (how == 0 && !f.name().isBlank()) {
                // same first name, another person: "Ingrid Bos" -> "Ingrid Bosman", address starting with the name
                first = f.first();
                last = random.nextBoolean() ? extend(f.last()) : nl.pick(Dutch.SURNAME);
                local = clean(first) + nl.one(".", "", "_") + clean(last)
                        + (random.nextBoolean() ? "" : String.valueOf(60 + random.nextInt(40)));
                domain = nl.pick(random.nextBoolean() ? CONSUMER : PARTNER_DOMAINS);
            } else {
                // the address starts the same way: "p.jansen@" -> "p.janssens@", "kim1999@" -> "kimberley.b@"
                int keep = Math.max(3, Math.min(f.local().length() - 1, 4 + random.nextInt(3)));
                String stem = f.local().substring(0, keep);
                local = stem + nl.one("man", "s", "ma", "kamp", "hof", "er", "ens", ".b", "ke");
                first = f.first();
                last = extend(f.last());
                domain = switch (how) {
                    case 1 -> nl.pick(CONSUMER);
                    case 2 -> nl.pick(PARTNER_DOMAINS);
                    default -> f.kind().equals("resident") ? nl.pick(CONSUMER) : f.domain();
                };
                if (random.nextBoolean()) {
                    first = nl.pick(f.first().startsWith("A") || random.nextBoolean() ? Dutch.FIRST_F : Dutch.FIRST_M);
                }
            }
            String address = local + "@" + domain;
            if (!address.equals(f.address()) && taken.add(address)) {
                String kind = domain.endsWith(".example") ? "partner" : "resident";
                return new Contact(first + " " + last, address, first, last, kind);
            }
        }
        throw new IllegalStateException("no look-alike for " + f.address());
    }

    private String extend(String last) {
        String base = last;
        return switch (random.nextInt(5)) {
            case 0 -> base + "man";
            case 1 -> base + "s";
            case 2 -> base + "ma";
            case 3 -> base + "kamp";
            default -> base + "hof";
        };
    }

    /** A typing slip in the local part: transposition, omission, doubling, neighbour key, lost dot. */
    String typo(Contact f) {
        String local = f.local();
        for (int attempt = 0; attempt < 50; attempt++) {
            String t;
            int i = 1 + random.nextInt(Math.max(1, local.length() - 2));
            switch (random.nextInt(5)) {
                case 0 -> t = local.substring(0, i) + local.charAt(i + 1 < local.length() ? i + 1 : i)
                        + local.charAt(i) + local.substring(Math.min(local.length(), i + 2));
                case 1 -> t = local.substring(0, i) + local.substring(i + 1);
                case 2 -> t = local.substring(0, i) + local.charAt(i) + local.substring(i);
                case 3 -> t = local.substring(0, i) + neighbour(local.charAt(i)) + local.substring(i + 1);
                default -> t = local.replaceFirst("[._]", "");
            }
            String a = t + "@" + f.domain();
            if (!t.equals(local) && !t.isEmpty() && !t.contains("..") && !t.startsWith(".") && !t.endsWith(".")
                    && !taken(a)) {
                taken.add(a);
                return a;
            }
        }
        throw new IllegalStateException("no typo for " + f.address());
    }

    private static char neighbour(char c) {
        String rows = "qwertyuiop asdfghjkl zxcvbnm";
        int i = rows.indexOf(Character.toLowerCase(c));
        if (i < 0) {
            return c == '.' ? ',' : 'x';
        }
        return i + 1 < rows.length() && rows.charAt(i + 1) != ' ' ? rows.charAt(i + 1) : rows.charAt(i - 1);
    }

    /** The same local part at another domain: consumer, another partner, or a look-alike domain. */
    String otherDomain(Contact f) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String d = f.domain();
            String other = switch (random.nextInt(4)) {
                case 0 -> nl.pick(CONSUMER);
                case 1 -> nl.pick(PARTNER_DOMAINS);
                case 2 -> d.replaceFirst("-", "");
                default -> d.replace(".example", "-nl.example");
            };
            if (f.kind().equals("resident") && random.nextBoolean()) {
                other = nl.pick(CONSUMER);
            }
            String a = f.local() + "@" + other;
            if (!other.equals(d) && !taken(a)) {
                taken.add(a);
                return a;
            }
        }
        throw new IllegalStateException("no other domain for " + f.address());
    }

    /** A different person with the intended one's name: a namesake elsewhere, or a private address. */
    String namesake(Contact f) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String first = clean(f.first());
            String last = clean(f.last());
            String a = switch (random.nextInt(3)) {
                case 0 -> first + last + (50 + random.nextInt(50)) + "@" + nl.pick(CONSUMER);
                case 1 -> first.charAt(0) + "." + last + "@" + nl.pick(PARTNER_DOMAINS);
                default -> last + "." + first + "@" + nl.pick(CONSUMER);
            };
            if (!a.equals(f.address()) && !a.startsWith(f.local() + "@") && taken.add(a)) {
                return a;
            }
        }
        throw new IllegalStateException("no namesake for " + f.address());
    }
}
