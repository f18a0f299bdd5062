package nl.lekwacht.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import nl.lekwacht.web.register.CsvExport;
import nl.lekwacht.Gateway;
import nl.lekwacht.support.CapturingNextHop;
import nl.lekwacht.support.TestGateway;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The register's exports: CSV read back by a CSV parser, JSON validated against the schema in the repo. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterExportTest {

    private static final String DUTCH = "Brief naar verkeerd adres: coöperatie, één cliënt, Müller, ’s-Hertogenbosch";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"klik\")";

    @TempDir
    static Path data;
    private CapturingNextHop nextHop;
    private Gateway gateway;
    private RegisterFixture.Web web;

    @BeforeAll
    void start() throws Exception {
        nextHop = new CapturingNextHop();
        gateway = TestGateway.startGateway(data, nextHop.port(),
                RegisterFixture.yaml("  BSN: monitor\n  NEW_RECIPIENT_WITH_PERSONAL_DATA: allow\n"));
        RegisterFixture.send(gateway.smtpPort(), List.of("r.de.vries@ziggo.nl"), RegisterFixture.message(FORMULA,
                "export-1", List.of("r.de.vries@ziggo.nl"), "BSN: " + RegisterFixture.bsn(31) + "\r\n"));
        web = new RegisterFixture.Web(gateway.webPort());
        web.login("fg");
        String csrf = RegisterFixture.hidden(web.get("/register").body(), "csrf");
        HttpResponse<String> created = web.post("/register", Map.of("csrf", csrf, "kind", "LETTER_WRONG_ADDRESS",
                "summary", DUTCH, "people-min", "1", "people-max", "1", "data-categories", "NAME",
                "groups", "CLIENTS", "measures-taken", "-1 brief teruggevraagd"));
        assertThat(created.statusCode()).isEqualTo(303);
    }

    @AfterAll
    void stop() {
        gateway.close();
        nextHop.close();
    }

    @Test
    void csvIsUtf8WithBomSemicolonsAndCrlfAndRoundTripsThroughAParser() throws Exception {
        HttpResponse<byte[]> response = web.bytes("/register/export.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = response.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(text.split("\r\n")[0]).startsWith("\"reference\";\"status\";");

        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setRecordSeparator("\r\n").get().parse(new StringReader(text))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(2);
            CSVRecord manual = rows.stream().filter(r -> r.get("origin").equals("MANUAL")).findFirst().orElseThrow();
            assertThat(manual.get("summary")).isEqualTo(DUTCH);
            assertThat(manual.get("kind")).isEqualTo("LETTER_WRONG_ADDRESS");
            assertThat(manual.get("measures_taken")).as("a leading minus is neutralised too")
                    .isEqualTo("'-1 brief teruggevraagd");
            CSVRecord mail = rows.stream().filter(r -> r.get("origin").equals("MONITOR")).findFirst().orElseThrow();
            assertThat(mail.get("subject")).isEqualTo("'" + FORMULA);
            assertThat(mail.get("data_categories")).contains("BSN");
            assertThat(mail.get("recipient_domains")).isEqualTo("ziggo.nl");
            assertThat(mail.get("deadline_at")).isNotEmpty();
            for (CSVRecord row : rows) {
                for (String cell : row) {
                    assertThat(cell).as("no cell may start a formula").doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@");
                }
            }
        }
        assertThat(text).doesNotContain(RegisterFixture.bsn(31));
    }

    @Test
    void csvNeutralisesEveryFormulaPrefix() {
        assertThat(CsvExport.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.neutralise("+31 6")).isEqualTo("'+31 6");
        assertThat(CsvExport.neutralise("-2")).isEqualTo("'-2");
        assertThat(CsvExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvExport.neutralise("Gewoon")).isEqualTo("Gewoon");
    }

    @Test
    void jsonExportValidatesAgainstTheSchemaInTheRepository() throws Exception {
        HttpResponse<String> response = web.get("/register/export.json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode export = new ObjectMapper().readTree(response.body());
        JsonSchema schema;
        try (InputStream in = RegisterExportTest.class.getResourceAsStream("/schema/register-export.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> problems = schema.validate(export);
        assertThat(problems).isEmpty();
        assertThat(export.get("incidents")).hasSize(2);
        JsonNode manual = StreamSupport.stream(export.get("incidents").spliterator(), false)
                .filter(i -> i.get("origin").asText().equals("MANUAL")).findFirst().orElseThrow();
        assertThat(manual.get("answers").get("SUMMARY").get("value").asText()).isEqualTo(DUTCH);
        assertThat(manual.get("audit")).isNotEmpty();

        JsonNode broken = new ObjectMapper().readTree(response.body().replace("\"MONITOR\"", "\"SOMETHING\""));
        assertThat(schema.validate(broken)).as("the schema does check").isNotEmpty();
    }

    @Test
    void schemaNamesEveryFormField() throws Exception {
        JsonNode schema;
        try (InputStream in = RegisterExportTest.class.getResourceAsStream("/schema/register-export.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        JsonNode names = schema.at("/$defs/incident/properties/answers/propertyNames/enum");
        assertThat(StreamSupport.stream(names.spliterator(), false).map(JsonNode::asText).toList())
                .containsExactlyElementsOf(Arrays.stream(Field.values()).map(Enum::name).toList());
    }
}
