package nl.lekwacht.web.register;

import java.util.List;

/**
 * One chart as the page shows it: its heading, the SVG markup (already escaped by the chart) and the same
 * figures as a table with words for every row and column.
 *
 * @param note a sentence under the chart on how to read it; empty for none
 */
public record ChartView(String id, String title, String note, String svg, List<String> columns, List<Row> rows,
                        List<Integer> columnTotals, int total) {

    public ChartView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        columnTotals = List.copyOf(columnTotals);
    }

    /** A row of the table: the series in words, its counts and total. */
    public record Row(String label, List<Integer> counts, int total) {
        public Row {
            counts = List.copyOf(counts);
        }
    }
}
