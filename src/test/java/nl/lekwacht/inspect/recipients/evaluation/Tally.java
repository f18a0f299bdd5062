package nl.lekwacht.inspect.recipients.evaluation;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** Held / total per kind of message, printed as a table. */
final class Tally {

    private final Map<String, int[]> counts = new TreeMap<>();

    void count(String kind, boolean held) {
        int[] c = counts.computeIfAbsent(kind, k -> new int[2]);
        c[0]++;
        c[1] += held ? 1 : 0;
    }

    int total(String kind) {
        return counts.getOrDefault(kind, new int[2])[0];
    }

    int held(String kind) {
        return counts.getOrDefault(kind, new int[2])[1];
    }

    double percent(String kind) {
        int total = total(kind);
        return total == 0 ? 0 : 100.0 * held(kind) / total;
    }

    void print(PrintStream out, String indent) {
        counts.forEach((kind, c) -> out.printf("%s%-34s %4d of %4d held  %6.1f%%%n", indent, kind, c[1], c[0],
                100.0 * c[1] / c[0]));
    }
}
