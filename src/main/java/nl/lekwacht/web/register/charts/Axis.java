package nl.lekwacht.web.register.charts;

/** The value axis's step: 1, 2 or 5 times a power of ten, giving at most five gridlines above zero. */
final class Axis {

    private Axis() {
    }

    static int step(int max) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if ((long) step * factor * 5 >= max) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }
}
