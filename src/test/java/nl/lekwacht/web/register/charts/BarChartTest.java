package nl.lekwacht.web.register.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The server-drawn chart: well-formed SVG, named for assistive technology, escaped, not colour-only. */
class BarChartTest {

    private static final List<String> MONTHS = List.of("jan '26", "feb '26", "mrt '26");

    private static BarChart chart(List<BarChart.Series> series) {
        return new BarChart("c1", "Incidenten per maand", "Totaal 9", MONTHS, series, "Geen gegevens");
    }

    @Test
    void isAnImageNamedByItsTitleAndDescription() throws Exception {
        String svg = chart(List.of(new BarChart.Series("BSN", List.of(1, 2, 3)))).svg();
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(doc.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("c1-title c1-desc");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Incidenten per maand");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Totaal 9");
    }

    @Test
    void escapesEveryTextSoANameCannotBreakOutOfTheMarkup() throws Exception {
        String hostile = "<script>alert(1)</script> & \"x\"";
        String svg = new BarChart("c2", hostile, hostile, List.of(hostile),
                List.of(new BarChart.Series(hostile, List.of(4))), hostile).svg();
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp;");
        parse(svg);
    }

    @Test
    void everySeriesHasItsOwnPatternAndALegendInWords() throws Exception {
        String svg = chart(List.of(new BarChart.Series("BSN", List.of(1, 0, 0)),
                new BarChart.Series("IBAN", List.of(0, 2, 0)), new BarChart.Series("Zichtbare ontvangers",
                        List.of(0, 0, 3)))).svg();
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("pattern").getLength()).isEqualTo(3);
        assertThat(svg).contains("url(#c1-p0)").contains("url(#c1-p1)").contains("url(#c1-p2)")
                .contains(">BSN (1)<").contains(">IBAN (2)<").contains(">Zichtbare ontvangers (3)<");
        assertThat(svg).as("each segment names its figure").contains("<title>IBAN, feb &#39;26: 2</title>");
    }

    @Test
    void writesEachBarsTotalAboveIt() {
        String svg = chart(List.of(new BarChart.Series("A", List.of(1, 2, 0)),
                new BarChart.Series("B", List.of(3, 0, 0)))).svg();
        assertThat(svg).contains("font-weight=\"bold\" fill=\"#111\">4</text>")
                .contains("font-weight=\"bold\" fill=\"#111\">2</text>");
    }

    @Test
    void leavesOutEmptySeriesAndSaysSoWhenNothingIsCounted() throws Exception {
        String svg = chart(List.of(new BarChart.Series("Leeg", List.of(0, 0, 0)))).svg();
        parse(svg);
        assertThat(svg).doesNotContain("Leeg").contains("Geen gegevens").doesNotContain("<pattern");
    }

    @Test
    void refusesASeriesThatDoesNotFitTheColumns() {
        assertThatThrownBy(() -> chart(List.of(new BarChart.Series("A", List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axisStepsAreRoundNumbers() {
        assertThat(Axis.step(1)).isEqualTo(1);
        assertThat(Axis.step(5)).isEqualTo(1);
        assertThat(Axis.step(7)).isEqualTo(2);
        assertThat(Axis.step(23)).isEqualTo(5);
        assertThat(Axis.step(240)).isEqualTo(50);
        assertThat(Axis.step(10_000)).isEqualTo(2000);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
