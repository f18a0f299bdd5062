package nl.lekwacht.web.register.charts;

import java.util.List;
import java.util.Locale;

/**
 * A stacked bar chart drawn on the server as SVG markup, readable without JavaScript, colour or sight:
 * {@code role="img"} named by its {@code <title>} and {@code <desc>}, every series filled with its own
 * pattern as well as its own colour, a legend in words, the total written above each bar and each segment
 * titled with its figure. The page puts the same figures in a table beside it. Every text is escaped, so a
 * department's or a column's name cannot break out of the markup. Immutable; {@link #svg()} is pure.
 *
 * @param id          unique on the page: prefixes the ids of the title, description and patterns
 * @param title       what the chart shows (its accessible name)
 * @param description the figures in one sentence, for a screen reader
 * @param columns     the bars' labels (months, departments), in order
 * @param series      the stacked parts; series without any count are left out of bars and legend
 * @param emptyText   written across the chart when every count is zero
 */
public record BarChart(String id, String title, String description, List<String> columns, List<Series> series,
                       String emptyText) {

    /** One stacked part: its name in the legend and one count per column. */
    public record Series(String label, List<Integer> counts) {
        public Series {
            counts = List.copyOf(counts);
        }

        int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public BarChart {
        columns = List.copyOf(columns);
        series = series.stream().filter(s -> s.total() > 0).toList();
        for (Series s : series) {
            if (s.counts().size() != columns.size()) {
                throw new IllegalArgumentException("series " + s.label() + " has " + s.counts().size()
                        + " counts for " + columns.size() + " columns");
            }
        }
    }

    static final int WIDTH = 640;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 22;
    private static final int PLOT = 180;
    private static final int AXIS = 34;
    private static final int LEGEND_ROW = 22;
    private static final int LEGEND_COLUMNS = 2;

    public String svg() {
        int legendRows = (series.size() + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS;
        int height = TOP + PLOT + AXIS + legendRows * LEGEND_ROW + 8;
        StringBuilder out = new StringBuilder(4096);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-labelledby=\"").append(escape(id)).append("-title ").append(escape(id))
                .append("-desc\"><title id=\"").append(escape(id)).append("-title\">").append(escape(title))
                .append("</title><desc id=\"").append(escape(id)).append("-desc\">").append(escape(description))
                .append("</desc>");
        Patterns.defs(out, id, series.size());
        int max = Math.max(1, maxTotal());
        int step = Axis.step(max);
        int top = ((max + step - 1) / step) * step;
        axis(out, top, step);
        bars(out, top);
        if (series.isEmpty()) {
            out.append("<text x=\"").append(LEFT + (WIDTH - LEFT - RIGHT) / 2).append("\" y=\"").append(TOP + PLOT / 2)
                    .append("\" text-anchor=\"middle\" class=\"empty\" font-size=\"14\" fill=\"#333\">")
                    .append(escape(emptyText)).append("</text>");
        }
        legend(out, TOP + PLOT + AXIS);
        return out.append("</svg>").toString();
    }

    private int maxTotal() {
        int max = 0;
        for (int c = 0; c < columns.size(); c++) {
            max = Math.max(max, columnTotal(c));
        }
        return max;
    }

    private int columnTotal(int column) {
        return series.stream().mapToInt(s -> s.counts().get(column)).sum();
    }

    private void axis(StringBuilder out, int top, int step) {
        out.append("<g class=\"axis\" font-size=\"11\" fill=\"#333\">");
        for (int v = 0; v <= top; v += step) {
            double y = TOP + PLOT - (double) PLOT * v / top;
            out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"")
                    .append(v == 0 ? "#333" : "#ccc").append("\" stroke-width=\"1\"/>");
            out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(v).append("</text>");
        }
        out.append("</g>");
    }

    private void bars(StringBuilder out, int top) {
        if (columns.isEmpty()) {
            return;
        }
        double slot = (double) (WIDTH - LEFT - RIGHT) / columns.size();
        double bar = Math.min(48, slot * 0.62);
        out.append("<g class=\"bars\">");
        for (int c = 0; c < columns.size(); c++) {
            double x = LEFT + slot * c + (slot - bar) / 2;
            double y = TOP + PLOT;
            for (int s = 0; s < series.size(); s++) {
                int count = series.get(s).counts().get(c);
                if (count == 0) {
                    continue;
                }
                double h = (double) PLOT * count / top;
                y -= h;
                out.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                        .append(fmt(bar)).append("\" height=\"").append(fmt(h)).append("\" fill=\"url(#")
                        .append(escape(id)).append("-p").append(s).append(")\" stroke=\"#222\" stroke-width=\"0.75\">")
                        .append("<title>").append(escape(series.get(s).label() + ", " + columns.get(c) + ": " + count))
                        .append("</title></rect>");
            }
            int total = columnTotal(c);
            double cx = x + bar / 2;
            if (total > 0) {
                out.append("<text x=\"").append(fmt(cx)).append("\" y=\"").append(fmt(y - 4))
                        .append("\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#111\">")
                        .append(total).append("</text>");
            }
            out.append("<text x=\"").append(fmt(cx)).append("\" y=\"").append(TOP + PLOT + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">")
                    .append(escape(shorten(columns.get(c), (int) (slot / 6.5)))).append("</text>");
        }
        out.append("</g>");
    }

    private void legend(StringBuilder out, int y0) {
        int width = (WIDTH - LEFT - RIGHT) / LEGEND_COLUMNS;
        out.append("<g class=\"legend\" font-size=\"12\" fill=\"#111\">");
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + (s % LEGEND_COLUMNS) * width;
            int y = y0 + (s / LEGEND_COLUMNS) * LEGEND_ROW;
            out.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"16\" height=\"14\" fill=\"url(#")
                    .append(escape(id)).append("-p").append(s).append(")\" stroke=\"#222\" stroke-width=\"0.75\"/>")
                    .append("<text x=\"").append(x + 22).append("\" y=\"").append(y + 11).append("\">")
                    .append(escape(shorten(series.get(s).label(), 40))).append(" (").append(series.get(s).total())
                    .append(")</text>");
        }
        out.append("</g>");
    }

    static String shorten(String text, int max) {
        int limit = Math.max(4, max);
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text and attribute values for XML (and HTML). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch < 0x20 && ch != '\t' ? ' ' : ch);
            }
        }
        return out.toString();
    }
}
