package nl.lekwacht.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Names, places and phrases for made-up residents and staff of the corpus' made-up region. */
final class Dutch {

    static final List<String> FIRST_F = List.of("Annelies", "Bianca", "Cor", "Dewi", "Esra", "Fenna", "Gerda",
            "Hanneke", "Ilse", "Jolanda", "Karin", "Latifa", "Mirjam", "Naima", "Olga", "Petra", "Riet", "Saskia",
            "Tineke", "Ursula", "Wilma", "Yasmina", "Zeynep", "Brenda", "Chantal", "Demi", "Femke", "Gonny",
            "Hatice", "Inge", "Janneke", "Kim", "Lotte", "Marloes", "Nicole", "Priscilla", "Roos", "Sanne",
            "Trudy", "Vera", "Willemijn", "Agnes", "Baukje", "Dieuwke", "Ellen", "Grietje", "Hester", "Ingrid");
    static final List<String> FIRST_M = List.of("Arjen", "Bram", "Cees", "Dirk", "Erik", "Frits", "Gijs", "Henk",
            "Ivo", "Jeroen", "Klaas", "Lars", "Mehmet", "Niels", "Otto", "Pieter", "Ruud", "Sander", "Theo",
            "Ugur", "Vincent", "Wouter", "Youssef", "Anton", "Bas", "Dennis", "Ferry", "Gerrit", "Hamza",
            "Jan-Willem", "Koen", "Leendert", "Marco", "Nordin", "Patrick", "Remco", "Stefan", "Tjeerd",
            "Wim", "Aad", "Hylke", "Joost", "Kees", "Rachid", "Sjoerd", "Mustafa", "Roel", "Ton");
    static final List<String> PREFIX = List.of("", "", "", "", "", "van", "de", "van der", "van den", "van de",
            "ter", "den", "in 't");
    static final List<String> SURNAME = List.of("Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos",
            "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Kok", "Jacobs", "Vermeulen", "Schouten",
            "Willems", "Hoekstra", "Koster", "Prins", "Postma", "Kuipers", "Huisman", "Timmermans", "Groen",
            "Boer", "Wouters", "Veenstra", "Kramer", "Sluiter", "Yilmaz", "Kaya", "El Idrissi", "Boukhari",
            "Çelik", "Öztürk", "Nguyen", "Pinas", "Tjon", "Sedney", "Ramdin", "Wijnands", "Lammers", "Zwart",
            "Terpstra", "Haverkamp", "Oosterhuis", "Blom", "Geerts", "Stam", "Roelofs", "Veldhuis", "Hofman",
            "Brink", "Wolters", "Scholten", "Bosman", "Bouma", "Evers", "Mertens", "Kalkman", "Harmsen");
    static final List<String> STREET = List.of("Dorpsstraat", "Kerkweg", "Molenstraat", "Schoolstraat",
            "Julianalaan", "Beatrixstraat", "Wilhelminapark", "Stationsweg", "Noordsingel", "Havenkade",
            "Lindelaan", "Esdoornstraat", "Kastanjehof", "Populierenweg", "Zwanenwater", "Kievitlaan",
            "Rietgors", "Dijkstraat", "Marktplein", "Veerweg", "Sluisweg", "Waardsedijk", "Polderpad",
            "Bongerd", "Boomgaardlaan", "Tulpstraat", "Klaverweide", "Hoefslag", "Weidezoom", "Zuiderhaven");
    static final List<String> CITY = List.of("Noordwaard", "Lekkerkerk-Oost", "Broekhuizen", "Ouderijn",
            "Waardhoven", "Sluiskil-Noord", "Polderveen", "Rijnwijk", "Kleiburg", "Oudewater-West");
    static final List<String> CONSUMER = List.of("gmail.com", "hotmail.com", "outlook.com", "live.nl",
            "ziggo.nl", "kpnmail.nl", "icloud.com", "hotmail.nl", "planet.nl", "xs4all.nl", "home.nl");

    record Resident(String first, String prefix, String last, boolean female, LocalDate birthDate, String street,
                    int number, String postcode, String city, String bsn, String mobile, String email) {
        String fullName() {
            return first + " " + (prefix.isEmpty() ? "" : prefix + " ") + last;
        }

        String formal() {
            String p = prefix.isEmpty() ? "" : prefix + " ";
            return (female ? "mevrouw " : "de heer ") + first.charAt(0) + ". " + p + last;
        }

        String sortName() {
            return last + ", " + first.charAt(0) + "." + (prefix.isEmpty() ? "" : " " + prefix);
        }

        String address() {
            return street + " " + number;
        }

        String born() {
            return String.format("%02d-%02d-%d", birthDate.getDayOfMonth(), birthDate.getMonthValue(), birthDate.getYear());
        }
    }

    private final Random random;

    Dutch(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    @SafeVarargs
    final <T> T one(T... options) {
        return options[random.nextInt(options.length)];
    }

    String postcode() {
        return (1000 + random.nextInt(8999)) + " " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(24));
    }

    String mobile() {
        StringBuilder b = new StringBuilder("06");
        for (int i = 0; i < 8; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    Resident resident() {
        return resident(ElfProef.valid(random));
    }

    Resident resident(String bsn) {
        boolean female = random.nextBoolean();
        String first = female ? pick(FIRST_F) : pick(FIRST_M);
        String prefix = pick(PREFIX);
        String last = pick(SURNAME);
        LocalDate born = LocalDate.of(1940 + random.nextInt(66), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String local = switch (random.nextInt(5)) {
            case 0 -> first + "." + prefix.replace(" ", "").replace("'", "") + last;
            case 1 -> first.charAt(0) + prefix.replace(" ", "").replace("'", "") + last + born.getYear() % 100;
            case 2 -> first + born.getYear();
            case 3 -> first + "_" + last;
            default -> first.charAt(0) + "." + last;
        };
        local = ascii(local).toLowerCase(Locale.ROOT).replace(" ", "");
        return new Resident(first, prefix, last, female, born, pick(STREET), 1 + random.nextInt(180), postcode(),
                pick(CITY), bsn, mobile(), local + "@" + pick(CONSUMER));
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("'", "");
    }

    /** A staff member: display name and address at {@code domain}. */
    Draft.Person staff(String domain) {
        boolean female = random.nextBoolean();
        String first = female ? pick(FIRST_F) : pick(FIRST_M);
        String prefix = pick(PREFIX);
        String last = pick(SURNAME);
        String local = ascii(first.charAt(0) + "." + prefix.replace(" ", "") + last).toLowerCase(Locale.ROOT)
                .replace(" ", "");
        return new Draft.Person(first + " " + (prefix.isEmpty() ? "" : prefix + " ") + last, local + "@" + domain);
    }

    String greeting(Resident r) {
        return one("Beste " + r.first() + ",", "Geachte " + r.formal() + ",", "Hallo " + r.first() + ",",
                "Goedemiddag " + r.formal() + ",");
    }

    String closing(Draft.Person me) {
        return one("Met vriendelijke groet,", "Met vriendelijke groeten,", "Groet,", "Vriendelijke groet,",
                "Hartelijke groet,") + "\n\n" + me.name();
    }

    String signature(Draft.Person me, String team) {
        return me.name() + "\n" + team + "\nWerkplein Noordwaard\nT 0180 " + (100000 + random.nextInt(899999))
                + "\nAanwezig: " + one("ma, di en do", "ma t/m vr", "di, wo en vr", "ma, wo, do (ochtend)");
    }

    String euro(long cents) {
        long euros = cents / 100;
        String s = String.format(Locale.GERMANY, "%,d", euros);
        return s + "," + String.format("%02d", cents % 100);
    }
}
