package nl.lekwacht.inspect.recipients.evaluation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated municipality and its outgoing mail, for evaluating the recipient detectors. Seeded:
 * the same seed gives the same organisation and the same mail. Synthetic names only.
 *
 * <p>Model: {@value #SENDERS} staff at {@code gemeente.example}, partner organisations with their own
 * address format, residents at consumer mail providers. Each sender has a pool of contacts mailed
 * with Zipf-like frequencies, project groups mailed together, two-party mail (a resident with the
 * professional on their case, or two professionals), and takes on new contacts over time
 * (brand new people, or people colleagues already mail). Mail is generated per working day for
 * {@code months} months; the first {@code warmUpMonths} stand for the sent mail imported at
 * installation and are learned but not scored. Into the scored months, slips are injected: a known
 * recipient replaced by a typo, its local part at another domain, the same person at a new address,
 * or an autocomplete neighbour sharing the first 1-3 characters (never mailed by the sender; and, as
 * a stretch, one the sender rarely mails).
 */
final class SyntheticOrganisation {

    static final int SENDERS = 40;
    static final String OWN_DOMAIN = "gemeente.example";

    enum SlipKind { TYPO, OTHER_DOMAIN, KNOWN_NAME_NEW_ADDRESS, AUTOCOMPLETE_NEVER_MAILED, AUTOCOMPLETE_RARELY_MAILED }

    /** An address with the name the sender's client shows (empty when none). */
    record Address(String address, String name) {
    }

    /**
     * One message. {@code slip} is null for ordinary mail; for a slip, {@code slipped} is the wrong
     * recipient and {@code intended} the one the sender meant. {@code exposure} is the generator's own
     * truth that the message shows two or more residents (people at consumer mail providers, who share
     * no organisation) to each other in To/Cc without that group having received mail together from
     * this sender before: by the issue's definition a VISIBLE_RECIPIENTS finding, not ordinary mail.
     */
    record Mail(Instant at, String sender, List<Address> to, List<Address> cc, List<Address> bcc, boolean scored,
                SlipKind slip, Address slipped, Address intended, boolean newContact, boolean exposure) {
    }

    private static final String[] FIRST = {"jan", "piet", "kees", "anna", "maria", "sanne", "lotte", "emma",
        "sophie", "julia", "daan", "sem", "lucas", "levi", "finn", "noah", "milan", "bram", "thomas", "ruben",
        "lisa", "eva", "sara", "iris", "fleur", "noor", "tessa", "laura", "anouk", "femke", "mark", "peter",
        "henk", "gerrit", "willem", "johan", "erik", "frank", "paul", "rob", "martijn", "jeroen", "bas", "tim",
        "joost", "wouter", "ingrid", "marieke", "annemarie", "monique", "petra", "linda", "esther", "miriam",
        "yvonne", "karin", "mohamed", "fatima", "ahmed", "yasmina", "ayoub", "nadia", "emre", "elif", "mehmet",
        "zeynep", "priya", "rajesh", "wei", "mei", "olga", "piotr", "agnieszka", "tomasz", "hanneke", "geert",
        "bart", "roel", "niels", "jasper", "koen", "stijn", "dirk", "hans", "cor", "ria", "truus", "greet",
        "wim", "ton", "ans", "els", "joke", "marjolein", "floor", "vera", "roos", "jesse", "luuk", "thijs",
        "gijs", "max", "hugo", "olivier", "maud", "jet", "lieke", "merel", "demi", "kim", "naomi", "amber"};
    private static final String[] LAST = {"jansen", "de jong", "de vries", "van den berg", "van dijk", "bakker",
        "janssen", "visser", "smit", "meijer", "de boer", "mulder", "de groot", "bos", "vos", "peters",
        "hendriks", "van leeuwen", "dekker", "brouwer", "de wit", "dijkstra", "smits", "de graaf", "van der meer",
        "van der linden", "kok", "jacobs", "de haan", "vermeulen", "van den heuvel", "van der veen", "van den broek",
        "de bruijn", "de bruin", "van der heijden", "schouten", "van beek", "willems", "van vliet", "van de ven",
        "hoekstra", "maas", "verhoeven", "koster", "van dam", "van der wal", "prins", "blom", "huisman", "peeters",
        "de leeuw", "kuipers", "veenstra", "kramer", "van den bosch", "van der velde", "postma", "sanders",
        "timmermans", "evers", "gerritsen", "claassen", "groen", "scholten", "koning", "boersma", "wijnands",
        "yilmaz", "kaya", "el amrani", "bouzid", "benali", "ozturk", "nguyen", "kowalski", "nowak", "singh",
        "ramdin", "kromowidjojo", "tjon", "lie", "martens", "molenaar", "lammers", "wolters", "hermans", "goossens",
        "steenbergen", "oosterhuis", "zwart", "van wijk", "van rijn", "brink", "roos", "verbeek", "de ridder",
        "hofman", "bosman", "ter horst", "van essen", "lubbers", "nijhuis", "wessels", "geurts", "aarts"};
    private static final String[] ORG_A = {"zorg", "jeugd", "woon", "thuis", "wijk", "school", "advies", "bouw",
        "groen", "stad", "regio", "veilig", "sport", "werk", "schuld", "budget", "welzijn", "samen", "kind",
        "leer", "buurt", "inkomen", "energie", "water", "milieu", "cultuur", "zorggroep", "ouder", "gezin"};
    private static final String[] ORG_B = {"partner", "groep", "team", "hulp", "net", "centrum", "plein", "punt",
        "huis", "support", "kracht", "lijn", "pad", "bureau", "stichting", "coop", "wijzer", "kompas", "haven"};
    private static final String[] ORG_C = {"", "", "", "noord", "oost", "west", "zuid", "delta", "rivier", "dal",
        "holland", "brabant", "twente", "veluwe", "achterhoek"};
    private static final String[] TLDS = {"nl", "nl", "nl", "nl", "nl", "nl", "com", "org", "eu"};
    private static final String[] CONSUMER = {"gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
        "gmail.com", "gmail.com", "hotmail.com", "hotmail.com", "hotmail.com", "outlook.com", "outlook.com",
        "ziggo.nl", "ziggo.nl", "kpnmail.nl", "kpnmail.nl", "live.nl", "icloud.com", "home.nl", "planet.nl",
        "xs4all.nl", "hetnet.nl", "yahoo.com", "hotmail.nl"};
    private static final String KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm";

    private final Random random;
    private final int months;
    private final int warmUpMonths;
    private final List<String> orgDomains = new ArrayList<>();
    private final Map<String, Integer> orgFormat = new HashMap<>();
    private final Set<String> allAddresses = new HashSet<>();
    private final List<Address> everyoneMailed = new ArrayList<>();
    private final Set<String> everyoneMailedSet = new HashSet<>();

    SyntheticOrganisation(long seed, int months, int warmUpMonths) {
        this.random = new Random(seed);
        this.months = months;
        this.warmUpMonths = warmUpMonths;
        Set<String> domains = new LinkedHashSet<>();
        while (domains.size() < 220) {
            domains.add(ORG_A[random.nextInt(ORG_A.length)] + ORG_B[random.nextInt(ORG_B.length)]
                    + ORG_C[random.nextInt(ORG_C.length)] + "." + TLDS[random.nextInt(TLDS.length)]);
        }
        for (String d : domains) {
            orgDomains.add(d);
            orgFormat.put(d, random.nextInt(4));
        }
    }

    /** One internal sender and what they mail. */
    private final class Sender {
        final String address;
        final double messagesPerDay;
        final double residentShare;
        final List<Address> pool = new ArrayList<>();
        final List<Integer> weights = new ArrayList<>();
        final List<List<Address>> groups = new ArrayList<>();
        final Map<String, Integer> sent = new HashMap<>();
        /** Per resident address, the other addresses it stood with in To/Cc of this sender's mail. */
        final Map<String, Set<String>> shownWith = new HashMap<>();
        /** Per resident address, the professional copied when the sender writes to them and a partner. */
        final Map<String, Address> caseworker = new HashMap<>();

        Sender(int i) {
            this.address = (FIRST[random.nextInt(FIRST.length)].charAt(0) + "." + squash(LAST[random.nextInt(LAST.length)])
                    + i + "@" + OWN_DOMAIN);
            this.messagesPerDay = 2 + random.nextDouble() * 12;
            this.residentShare = random.nextDouble() * 0.8;
            int initial = 15 + random.nextInt(100);
            for (int k = 0; k < initial; k++) {
                addContact(newContact(random.nextDouble() < residentShare));
            }
            int groupCount = random.nextInt(5);
            for (int g = 0; g < groupCount; g++) {
                List<Address> group = new ArrayList<>();
                int size = 3 + random.nextInt(5);
                for (int k = 0; k < size; k++) {
                    group.add(newContact(false));
                }
                groups.add(group);
            }
        }

        void addContact(Address a) {
            pool.add(a);
            // Zipf-like: the k-th contact is mailed about 1/k as often as the first; newcomers start low
            weights.add(Math.max(1, 1000 / (pool.size() + random.nextInt(10))));
        }

        /**
         * Who is copied on a two-party message to {@code a}: for a resident always the same professional
         * from the sender's contacts (the partner organisation on their case), for a professional another
         * professional. Null when the sender has no suitable contact.
         */
        Address companion(Address a) {
            if (isResident(a)) {
                Address partner = caseworker.get(a.address());
                if (partner == null) {
                    partner = pickProfessional(a);
                    if (partner != null) {
                        caseworker.put(a.address(), partner);
                    }
                }
                return partner;
            }
            return pickProfessional(a);
        }

        private Address pickProfessional(Address except) {
            for (int attempt = 0; attempt < 20; attempt++) {
                Address b = pick();
                if (!isResident(b) && !b.address().equals(except.address())) {
                    return b;
                }
            }
            return null;
        }

        Address pick() {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int k = 0; k < pool.size(); k++) {
                r -= weights.get(k);
                if (r < 0) {
                    return pool.get(k);
                }
            }
            return pool.get(pool.size() - 1);
        }
    }

    /** Every message, in time order. */
    List<Mail> mail() {
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(new Sender(i));
        }
        List<Mail> mail = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 6);
        LocalDate end = start.plusMonths(months);
        LocalDate scoredFrom = start.plusMonths(warmUpMonths);
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            boolean scored = !day.isBefore(scoredFrom);
            List<Mail> today = new ArrayList<>();
            for (Sender s : senders) {
                int n = poisson(s.messagesPerDay);
                for (int k = 0; k < n; k++) {
                    Instant at = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(9 * 3600));
                    today.add(message(s, at, scored));
                }
            }
            today.sort(java.util.Comparator.comparing(Mail::at));
            mail.addAll(today);
        }
        return mail;
    }

    private Mail message(Sender s, Instant at, boolean scored) {
        double kind = random.nextDouble();
        List<Address> to = new ArrayList<>();
        List<Address> cc = new ArrayList<>();
        List<Address> bcc = new ArrayList<>();
        boolean newContact = false;
        if (kind < 0.06 && !s.groups.isEmpty()) {
            to.addAll(s.groups.get(random.nextInt(s.groups.size())));
        } else if (kind < 0.08) {
            int n = 10 + random.nextInt(30);
            for (int k = 0; k < n; k++) {
                bcc.add(random.nextDouble() < 0.5 ? s.pick() : newContact(true));
            }
        } else if (kind < 0.13) {
            // Two parties who belong together: a resident and the professional on their case, or two professionals.
            Address a = s.pick();
            Address b = s.companion(a);
            to.add(a);
            if (b != null) {
                cc.add(b);
            }
        } else {
            if (random.nextDouble() < 0.06) {
                Address fresh = random.nextDouble() < 0.3 && !everyoneMailed.isEmpty()
                        ? everyoneMailed.get(random.nextInt(everyoneMailed.size()))
                        : newContact(random.nextDouble() < s.residentShare);
                newContact = !s.sent.containsKey(fresh.address());
                s.addContact(fresh);
                to.add(fresh);
            } else {
                to.add(s.pick());
            }
        }
        if (random.nextDouble() < 0.15) {
            cc.add(new Address("collega" + random.nextInt(300) + "@" + OWN_DOMAIN, ""));
        }
        Mail ordinary = new Mail(at, s.address, to, cc, bcc, scored, null, null, null, newContact,
                exposesResidents(s, to, cc));
        if (scored && to.size() + cc.size() > 0 && random.nextDouble() < 0.01) {
            Mail slip = slip(s, ordinary);
            if (slip != null) {
                record(s, ordinary);
                return slip;
            }
        }
        record(s, ordinary);
        return ordinary;
    }

    /**
     * True when To/Cc show two or more residents to each other and this sender never showed all of
     * them to each other before. Uses no randomness, so labelling leaves the generated mail unchanged.
     */
    private static boolean exposesResidents(Sender s, List<Address> to, List<Address> cc) {
        List<String> residents = new ArrayList<>();
        for (List<Address> field : List.of(to, cc)) {
            for (Address a : field) {
                if (isResident(a) && !residents.contains(a.address())) {
                    residents.add(a.address());
                }
            }
        }
        if (residents.size() < 2) {
            return false;
        }
        Set<String> before = s.shownWith.getOrDefault(residents.get(0), Set.of());
        return !before.containsAll(residents.subList(1, residents.size()));
    }

    private static boolean isResident(Address a) {
        String domain = domain(a.address());
        for (String consumer : CONSUMER) {
            if (consumer.equals(domain)) {
                return true;
            }
        }
        return false;
    }

    private void record(Sender s, Mail m) {
        List<String> visible = new ArrayList<>();
        m.to().forEach(a -> visible.add(a.address()));
        m.cc().forEach(a -> visible.add(a.address()));
        for (String a : visible) {
            if (visible.size() > 1 && isResident(new Address(a, ""))) {
                s.shownWith.computeIfAbsent(a, k -> new HashSet<>()).addAll(visible);
            }
        }
        for (List<Address> field : List.of(m.to(), m.cc(), m.bcc())) {
            for (Address a : field) {
                if (!a.address().endsWith("@" + OWN_DOMAIN)) {
                    s.sent.merge(a.address(), 1, Integer::sum);
                    if (everyoneMailedSet.add(a.address())) {
                        everyoneMailed.add(a);
                    }
                }
            }
        }
    }

    /** The ordinary message with one known recipient replaced by a slip, or null when none could be made. */
    private Mail slip(Sender s, Mail m) {
        List<Address> visible = new ArrayList<>(m.to());
        visible.addAll(m.cc());
        visible.removeIf(a -> a.address().endsWith("@" + OWN_DOMAIN) || !s.sent.containsKey(a.address()));
        if (visible.isEmpty()) {
            return null;
        }
        Address intended = visible.get(random.nextInt(visible.size()));
        SlipKind kind = SlipKind.values()[random.nextInt(SlipKind.values().length)];
        Address wrong = switch (kind) {
            case TYPO -> typo(intended);
            case OTHER_DOMAIN -> otherDomain(intended);
            case KNOWN_NAME_NEW_ADDRESS -> newAddressOf(intended);
            case AUTOCOMPLETE_NEVER_MAILED -> autocomplete(s, intended, false);
            case AUTOCOMPLETE_RARELY_MAILED -> autocomplete(s, intended, true);
        };
        if (wrong == null || wrong.address().equals(intended.address())) {
            return null;
        }
        List<Address> to = replace(m.to(), intended, wrong);
        List<Address> cc = replace(m.cc(), intended, wrong);
        return new Mail(m.at(), m.sender(), to, cc, m.bcc(), true, kind, wrong, intended, false, false);
    }

    private static List<Address> replace(List<Address> list, Address from, Address to) {
        List<Address> out = new ArrayList<>();
        for (Address a : list) {
            out.add(a.address().equals(from.address()) ? to : a);
        }
        return out;
    }

    private Address typo(Address a) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String local = local(a.address());
            String domain = domain(a.address());
            boolean inDomain = random.nextDouble() < 0.2;
            String target = inDomain ? domain.substring(0, domain.lastIndexOf('.')) : local;
            String changed = edit(target);
            String address = inDomain ? local + "@" + changed + domain.substring(domain.lastIndexOf('.'))
                    : changed + "@" + domain;
            if (!allAddresses.contains(address) && !changed.isEmpty() && !changed.startsWith(".")) {
                return new Address(address, a.name());
            }
        }
        return null;
    }

    private String edit(String s) {
        int i = random.nextInt(s.length());
        char c = s.charAt(i);
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + neighbour(c) + s.substring(i);
            case 2 -> s.substring(0, i) + neighbour(c) + s.substring(i + 1);
            default -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + c + s.substring(i + 2)
                    : s.substring(0, i) + neighbour(c);
        };
    }

    private char neighbour(char c) {
        int at = KEYBOARD.indexOf(c);
        if (at < 0) {
            return (char) ('a' + random.nextInt(26));
        }
        int n = at + (random.nextBoolean() ? 1 : -1);
        if (n < 0 || n >= KEYBOARD.length() || KEYBOARD.charAt(n) == ' ') {
            n = at + (n < at ? 1 : -1);
        }
        return n >= 0 && n < KEYBOARD.length() && KEYBOARD.charAt(n) != ' ' ? KEYBOARD.charAt(n) : 'e';
    }

    private Address otherDomain(Address a) {
        String local = local(a.address());
        String domain = domain(a.address());
        double r = random.nextDouble();
        String other;
        if (r < 0.4) {
            other = CONSUMER[random.nextInt(CONSUMER.length)];
        } else if (r < 0.7) {
            String label = domain.substring(0, domain.lastIndexOf('.'));
            String tld = domain.substring(domain.lastIndexOf('.') + 1);
            String[] swaps = {"nl", "com", "org", "eu", "net", "be"};
            String t;
            do {
                t = swaps[random.nextInt(swaps.length)];
            } while (t.equals(tld));
            other = label + "." + t;
        } else {
            other = orgDomains.get(random.nextInt(orgDomains.size()));
        }
        String address = local + "@" + other;
        return other.equals(domain) || allAddresses.contains(address) ? null : new Address(address, a.name());
    }

    private Address newAddressOf(Address a) {
        if (a.name().isEmpty()) {
            return null;
        }
        String[] parts = a.name().toLowerCase(Locale.ROOT).split(" ", 2);
        if (parts.length < 2) {
            return null;
        }
        String first = parts[0];
        String last = squash(parts[1]);
        String local = switch (random.nextInt(4)) {
            case 0 -> first + "." + last;
            case 1 -> first + last + (1950 + random.nextInt(55));
            case 2 -> first.charAt(0) + last;
            default -> first + "_" + last;
        };
        String domain = random.nextDouble() < 0.6 ? CONSUMER[random.nextInt(CONSUMER.length)]
                : orgDomains.get(random.nextInt(orgDomains.size()));
        String address = local + "@" + domain;
        return allAddresses.contains(address) || address.equals(a.address()) ? null
                : new Address(address, random.nextDouble() < 0.8 ? a.name() : "");
    }

    private Address autocomplete(Sender s, Address intended, boolean rarelyMailed) {
        String local = local(intended.address());
        int shared = 1 + random.nextInt(3);
        if (local.length() < shared) {
            return null;
        }
        String prefix = local.substring(0, shared);
        List<Address> candidates = new ArrayList<>();
        if (rarelyMailed) {
            for (Address a : s.pool) {
                int times = s.sent.getOrDefault(a.address(), 0);
                if (times >= 1 && times <= 2 && local(a.address()).startsWith(prefix)
                        && !a.address().equals(intended.address())) {
                    candidates.add(a);
                }
            }
            if (s.sent.getOrDefault(intended.address(), 0) < 10) {
                return null;
            }
        } else {
            for (Address a : everyoneMailed) {
                if (!s.sent.containsKey(a.address()) && local(a.address()).startsWith(prefix)) {
                    candidates.add(a);
                }
            }
        }
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** A person the organisation has not mailed yet, at a partner organisation or a consumer provider. */
    private Address newContact(boolean resident) {
        for (int attempt = 0; ; attempt++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String name = capitalise(first) + " " + last.substring(0, last.lastIndexOf(' ') + 1)
                    + capitalise(last.substring(last.lastIndexOf(' ') + 1));
            String address;
            if (resident) {
                String local = switch (random.nextInt(5)) {
                    case 0 -> first + "." + squash(last);
                    case 1 -> first + squash(last);
                    case 2 -> first + "." + squash(last) + (random.nextInt(90) + 10);
                    case 3 -> first.charAt(0) + "." + squash(last);
                    default -> first + (1950 + random.nextInt(55));
                };
                address = local + "@" + CONSUMER[random.nextInt(CONSUMER.length)];
            } else {
                String domain = orgDomains.get((int) Math.min(orgDomains.size() - 1,
                        Math.abs(random.nextGaussian()) * orgDomains.size() / 3));
                String local = switch (orgFormat.get(domain)) {
                    case 0 -> first + "." + squash(last);
                    case 1 -> first.charAt(0) + "." + squash(last);
                    case 2 -> first.charAt(0) + squash(last);
                    default -> first + "." + last.replace(' ', '.');
                };
                address = local + "@" + domain;
            }
            if (allAddresses.add(address) || attempt > 50) {
                return new Address(address, random.nextDouble() < 0.8 ? name : "");
            }
        }
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static String squash(String last) {
        return last.replace(" ", "");
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String local(String address) {
        return address.substring(0, address.lastIndexOf('@'));
    }

    static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
