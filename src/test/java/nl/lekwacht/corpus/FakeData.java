package nl.lekwacht.corpus;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Synthetic personal data for the fixture corpus, drawn from one seeded {@link Random}: names,
 * checksum-valid BSNs, numbers that fail the 11-proef, valid IBANs, phone, KvK and btw numbers.
 * Nothing here belongs to a real person.
 */
final class FakeData {

    private static final List<String> FIRST = List.of("Jan", "Piet", "Fatima", "Mohammed", "Sanne", "Daan", "Emma",
            "Lucas", "Noor", "Sem", "Anouk", "Kevin", "Yara", "Thijs", "Lisa", "Bram", "Aylin", "Joost", "Mila",
            "Ruben");
    private static final List<String> LAST = List.of("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "El Amrani", "Yilmaz", "van Dijk", "Kok",
            "de Graaf", "Brouwer", "Dekker", "van Leeuwen");
    private static final List<String> STREETS = List.of("Dorpsstraat", "Kerkweg", "Molenlaan", "Stationsplein",
            "Schoolstraat", "Parallelweg", "Julianalaan", "Beukenlaan");
    private static final List<String> PLACES = List.of("Voorbeeldstad", "Ergenshuizen", "Nergensdam", "Testerveen");
    private static final List<String> BANKS = List.of("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB");

    private final Random random;

    FakeData(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    int between(int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    String name() {
        return pick(FIRST) + " " + pick(LAST);
    }

    String address() {
        return pick(STREETS) + " " + between(1, 180) + ", " + between(1000, 9999) + " "
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + " " + pick(PLACES);
    }

    String birthDate() {
        return String.format("%02d-%02d-%04d", between(1, 28), between(1, 12), between(1935, 2015));
    }

    /**
     * Nine digits that pass the 11-proef, never all zeros and never starting with two zeros (such a
     * number loses both zeros in a spreadsheet and would no longer be written as a BSN is).
     */
    String bsn() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = random.nextInt(10);
                sum += (9 - i) * d[i];
            }
            int last = sum % 11;
            if (last == 10 || sum == 0 || (d[0] == 0 && d[1] == 0)) {
                continue;
            }
            d[8] = last;
            return digits(d);
        }
    }

    /** A valid BSN whose first digit is zero, so that it can be written with eight digits. */
    String bsnWithLeadingZero() {
        while (true) {
            String bsn = bsn();
            if (bsn.charAt(0) == '0' && bsn.charAt(1) != '0') {
                return bsn;
            }
        }
    }

    /** Nine digits, not starting with zero, that fail the 11-proef. */
    String invalidNine() {
        while (true) {
            String n = (1 + random.nextInt(9)) + digits(8);
            if (!elevenProof(n)) {
                return n;
            }
        }
    }

    /** Nine random digits, not starting with zero (about one in eleven passes the 11-proef). */
    String randomNine() {
        return (1 + random.nextInt(9)) + digits(8);
    }

    /** An eight-digit number that does pass the 11-proef when read with a leading zero: a trap. */
    String validEight() {
        while (true) {
            String n = (1 + random.nextInt(9)) + digits(7);
            if (elevenProof("0" + n)) {
                return n;
            }
        }
    }

    String digits(int count) {
        StringBuilder b = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** A checksum-valid Dutch IBAN, compact (no spaces). */
    String dutchIban() {
        return iban("NL", pick(BANKS) + digits(10));
    }

    /** A checksum-valid German IBAN, compact. */
    String germanIban() {
        return iban("DE", digits(18));
    }

    /** A checksum-valid Belgian IBAN, compact. */
    String belgianIban() {
        return iban("BE", digits(12));
    }

    static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    /** The IBAN in groups of four, as printed on letters: {@code NL91 ABNA 0417 1643 00}. */
    static String spaced(String iban) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(iban, i, Math.min(iban.length(), i + 4));
        }
        return b.toString();
    }

    static boolean elevenProof(String nine) {
        if (nine.length() != 9 || nine.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nine.charAt(i) - '0');
        }
        sum -= nine.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** How the corpus masks a BSN in expectations: five stars and the last four digits. */
    static String masked(String nine) {
        return "*****" + nine.substring(5);
    }

    private static String digits(int[] d) {
        StringBuilder b = new StringBuilder(d.length);
        for (int x : d) {
            b.append((char) ('0' + x));
        }
        return b.toString();
    }
}
