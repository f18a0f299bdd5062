package nl.lekwacht.support;

import java.util.Random;

/** Synthetic citizen service numbers that pass the 11-proef, for tests. */
public final class Bsns {

    private Bsns() {
    }

    /** A valid synthetic BSN, the same for the same seed. */
    public static String valid(long seed) {
        Random random = new Random(seed);
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + random.nextInt(9);
            int sum = 0;
            for (int i = 1; i < 8; i++) {
                d[i] = random.nextInt(10);
            }
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * d[i];
            }
            if (sum % 11 <= 9) {
                d[8] = sum % 11;
                StringBuilder out = new StringBuilder();
                for (int x : d) {
                    out.append(x);
                }
                return out.toString();
            }
        }
    }
}
