package nl.lekwacht.evaluation;

import java.util.Random;

/**
 * The 11-proef for nine-digit numbers (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11), and makers
 * of synthetic numbers that pass it or deliberately fail it. Written here on purpose rather than
 * reused from the product, so the evaluation data does not share code with what it scores.
 */
final class ElfProef {

    private ElfProef() {
    }

    static boolean passes(String nineDigits) {
        if (nineDigits.length() != 9 || !nineDigits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** A valid number that does not start with 0 (and is not all one digit). */
    static String valid(Random random) {
        while (true) {
            String s = candidate(random, 1 + random.nextInt(9));
            if (s != null && passes(s) && !s.chars().allMatch(c -> c == s.charAt(0))) {
                return s;
            }
        }
    }

    /** A valid number starting with 0, for the dropped-leading-zero cases. */
    static String validLeadingZero(Random random) {
        while (true) {
            String s = candidate(random, 0);
            if (s != null && passes(s) && s.charAt(1) != '0') {
                return s;
            }
        }
    }

    /** A nine-digit number that fails the 11-proef. */
    static String invalid(Random random) {
        while (true) {
            StringBuilder b = new StringBuilder().append(1 + random.nextInt(9));
            for (int i = 0; i < 8; i++) {
                b.append(random.nextInt(10));
            }
            if (!passes(b.toString())) {
                return b.toString();
            }
        }
    }

    /** A nine-digit number, valid by the 11-proef half the time: the look-alikes of hard negatives. */
    static String lookAlike(Random random) {
        return random.nextInt(3) > 0 ? valid(random) : invalid(random);
    }

    private static String candidate(Random random, int first) {
        int[] d = new int[9];
        d[0] = first;
        int sum = 9 * first;
        for (int i = 1; i < 8; i++) {
            d[i] = random.nextInt(10);
            sum += (9 - i) * d[i];
        }
        int last = Math.floorMod(sum, 11);
        if (last > 9) {
            return null;
        }
        d[8] = last;
        StringBuilder b = new StringBuilder();
        for (int x : d) {
            b.append(x);
        }
        return b.toString();
    }
}
