package nl.lekwacht.web.register.charts;

/**
 * The fills of a chart's series: each a dark colour (at least 3:1 against white, WCAG 1.4.11) and a pattern
 * of its own (solid, stripes, dots, cross-hatch, ...), so two series differ without colour too. Cycles after
 * {@link #COUNT}.
 */
final class Patterns {

    static final int COUNT = 8;
    private static final String[] COLOURS = {"#1f4e79", "#b34700", "#2e6b30", "#6a1b9a", "#00695c", "#8a6d00",
        "#4e4e4e", "#a3153f"};

    private Patterns() {
    }

    static void defs(StringBuilder out, String id, int series) {
        out.append("<defs>");
        for (int s = 0; s < series; s++) {
            String colour = COLOURS[s % COUNT];
            out.append("<pattern id=\"").append(BarChart.escape(id)).append("-p").append(s)
                    .append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">");
            switch (s % COUNT) {
                case 0 -> out.append(rect(colour));
                case 1 -> out.append(background()).append("<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"")
                        .append(colour).append("\" stroke-width=\"2.5\"/>");
                case 2 -> out.append(background()).append("<circle cx=\"4\" cy=\"4\" r=\"2.4\" fill=\"").append(colour)
                        .append("\"/>");
                case 3 -> out.append(background()).append("<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"1.8\"/>");
                case 4 -> out.append(background()).append("<path d=\"M0,2 H8 M0,6 H8\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>");
                case 5 -> out.append(background()).append("<path d=\"M2,0 V8 M6,0 V8\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>");
                case 6 -> out.append(background()).append("<rect x=\"1\" y=\"1\" width=\"4\" height=\"4\" fill=\"")
                        .append(colour).append("\"/><rect x=\"5\" y=\"5\" width=\"3\" height=\"3\" fill=\"")
                        .append(colour).append("\"/>");
                default -> out.append(background()).append("<path d=\"M0,8 L4,0 L8,8\" fill=\"none\" stroke=\"")
                        .append(colour).append("\" stroke-width=\"2\"/>");
            }
            out.append("</pattern>");
        }
        out.append("</defs>");
    }

    private static String rect(String colour) {
        return "<rect width=\"8\" height=\"8\" fill=\"" + colour + "\"/>";
    }

    private static String background() {
        return "<rect width=\"8\" height=\"8\" fill=\"#fff\"/>";
    }
}
