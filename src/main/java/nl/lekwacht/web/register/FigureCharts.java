package nl.lekwacht.web.register;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import nl.lekwacht.register.figures.Figures;
import nl.lekwacht.register.figures.Tally;
import nl.lekwacht.text.Texts;
import nl.lekwacht.web.register.charts.BarChart;

/**
 * Turns the register's tallies into charts and tables with words: months as {@code jan '26}, kinds,
 * sources, findings and outcomes as the texts name them. Rows without any count are left out. Immutable.
 */
final class FigureCharts {

    private final Texts t;

    FigureCharts(Texts t) {
        this.t = t;
    }

    ChartView byKind(String id, Tally tally) {
        return monthly(id, "figures.chart.kind", "", tally, key -> Figures.UNKNOWN.equals(key)
                ? t.get("figures.unknown") : t.has("choice." + key) ? t.get("choice." + key) : key);
    }

    ChartView bySource(String id, Tally tally) {
        return monthly(id, "figures.chart.source", "", tally, key -> t.get("figures.source." + key));
    }

    ChartView byFinding(String id, Tally tally) {
        return monthly(id, "figures.chart.finding", t.get("figures.chart.finding.note"), tally,
                key -> t.has("figures.finding." + key) ? t.get("figures.finding." + key) : key);
    }

    ChartView byOutcome(String id, Tally tally) {
        return monthly(id, "figures.chart.outcome", "", tally, key -> t.get("figures.outcome." + key));
    }

    ChartView byDepartment(String id, Tally tally) {
        List<String> columns = tally.columns().stream()
                .map(c -> Figures.UNKNOWN.equals(c) ? t.get("figures.unknown") : c).toList();
        return view(id, t.get("figures.chart.department"), t.get("figures.chart.department.note"), columns, columns,
                tally, key -> t.get("figures.department." + key));
    }

    private ChartView monthly(String id, String titleKey, String note, Tally tally, Function<String, String> rowLabel) {
        List<String> shortMonths = tally.columns().stream().map(c -> month(YearMonth.parse(c), true)).toList();
        List<String> longMonths = tally.columns().stream().map(c -> month(YearMonth.parse(c), false)).toList();
        return view(id, t.get(titleKey), note, shortMonths, longMonths, tally, rowLabel);
    }

    private ChartView view(String id, String title, String note, List<String> chartColumns, List<String> tableColumns,
                           Tally tally, Function<String, String> rowLabel) {
        List<ChartView.Row> rows = new ArrayList<>();
        List<BarChart.Series> series = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Tally.Row row : tally.rows()) {
            if (row.total() == 0) {
                continue;
            }
            String label = rowLabel.apply(row.key());
            rows.add(new ChartView.Row(label, row.counts(), row.total()));
            series.add(new BarChart.Series(label, row.counts()));
            parts.add(label + " " + row.total());
        }
        String description = t.format("figures.chart.description", title, tally.total(),
                parts.isEmpty() ? t.get("figures.chart.empty") : String.join("; ", parts) + ".");
        String svg = new BarChart(id, title, description, chartColumns, series, t.get("figures.chart.empty")).svg();
        List<Integer> totals = IntStream.range(0, tally.columns().size()).map(tally::columnTotal).boxed().toList();
        return new ChartView(id, title, note, svg, tableColumns, rows, totals, tally.total());
    }

    /** {@code jan '26} for a chart's axis, {@code januari 2026} for a table. */
    String month(YearMonth month, boolean brief) {
        String name = t.get((brief ? "figures.month.short." : "figures.month.") + month.getMonthValue());
        return brief ? name + " '" + String.format("%02d", month.getYear() % 100) : name + " " + month.getYear();
    }
}
