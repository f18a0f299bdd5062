package nl.lekwacht.inspect.content;

/** How a BSN may be shown anywhere: five stars and the last four digits, {@code *****6782}. */
final class BsnMask {

    private BsnMask() {
    }

    static String mask(int value) {
        int last4 = value % 10_000;
        return "*****" + (char) ('0' + last4 / 1000) + (char) ('0' + last4 / 100 % 10)
                + (char) ('0' + last4 / 10 % 10) + (char) ('0' + last4 % 10);
    }

    /** The 11-proef: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11, and the number is not zero. */
    static boolean elevenProof(int value) {
        if (value <= 0) {
            return false;
        }
        int v = value;
        int sum = -(v % 10);
        v /= 10;
        for (int weight = 2; weight <= 9; weight++) {
            sum += weight * (v % 10);
            v /= 10;
        }
        return sum % 11 == 0;
    }
}
