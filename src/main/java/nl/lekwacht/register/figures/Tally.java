package nl.lekwacht.register.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts in a grid, the shape of one chart and its table: columns (months, departments) across, one row
 * per series (a kind of breach, a source, an outcome). Keys are stable names the page turns into words.
 *
 * @param columns the column keys, in order
 * @param rows    the series, in order; each has one count per column
 */
public record Tally(List<String> columns, List<Row> rows) {

    public Tally {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** One series: its key and one count per column. */
    public record Row(String key, List<Integer> counts) {
        public Row {
            counts = List.copyOf(counts);
        }

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public int total() {
        return rows.stream().mapToInt(Row::total).sum();
    }

    /** The sum of every row in column {@code index}. */
    public int columnTotal(int index) {
        return rows.stream().mapToInt(r -> r.counts().get(index)).sum();
    }

    /** The row with {@code key}'s total, 0 when there is none. */
    public int total(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).mapToInt(Row::total).sum();
    }

    /** Builds a tally by counting items into (row, column) cells. Not thread-safe. */
    static final class Counter {
        private final List<String> columns;
        private final Map<String, int[]> cells = new LinkedHashMap<>();

        /** @param rowOrder row keys that appear first, in this order, even with no counts */
        Counter(List<String> columns, List<String> rowOrder) {
            this.columns = List.copyOf(columns);
            rowOrder.forEach(key -> cells.put(key, new int[columns.size()]));
        }

        void add(String row, String column) {
            int index = columns.indexOf(column);
            if (index >= 0) {
                cells.computeIfAbsent(row, k -> new int[columns.size()])[index]++;
            }
        }

        Tally tally() {
            List<Row> rows = new ArrayList<>();
            cells.forEach((key, counts) -> rows.add(new Row(key, java.util.Arrays.stream(counts).boxed().toList())));
            return new Tally(columns, rows);
        }
    }
}
