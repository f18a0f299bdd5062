package nl.lekwacht.message.extract;

import static nl.lekwacht.message.extract.TestMessages.fixture;
import static nl.lekwacht.message.extract.TestMessages.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each supported format gives its text; what cannot be read gives a problem with the right reason. */
class TikaContentExtractorFormatsTest {

    private static final String MARKER = "uw aanvraag is toegekend";
    private static TikaContentExtractor extractor;

    @BeforeAll
    static void startPool() {
        extractor = new TikaContentExtractor(ExtractionSettings.defaults().withPrestart(true));
    }

    @AfterAll
    static void stopPool() {
        extractor.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"document.pdf", "document.docx", "document.doc", "document.odt", "document.rtf",
            "document.html", "slides.pptx"})
    void extractsTextOfDocument(String name) {
        OutboundMessage result = extractor.extract(with(fixture(name)));

        assertThat(result.problems()).isEmpty();
        assertThat(textAt(result, "attachment:" + name)).contains(MARKER).contains("Burgerservicenummer");
        assertThat(result.texts()).first().isEqualTo(TextPart.body("Zie bijlage."));
    }

    @Test
    void extractsTextOfOldPowerPoint() throws Exception {
        ByteArrayOutputStream ppt = new ByteArrayOutputStream();
        try (HSLFSlideShow show = new HSLFSlideShow()) {
            HSLFTextBox box = show.createSlide().createTextBox();
            box.setText("Dia met " + MARKER);
            show.write(ppt);
        }

        OutboundMessage result = extractor.extract(with(TestMessages.bytes("dia.ppt", ppt.toByteArray())));

        assertThat(result.problems()).isEmpty();
        assertThat(textAt(result, "attachment:dia.ppt")).contains(MARKER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sheet.xlsx", "sheet.xls", "sheet.ods", "sheet.csv"})
    void keepsRowsAndColumnsOfSpreadsheet(String name) {
        OutboundMessage result = extractor.extract(with(fixture(name)));

        TextPart table = result.texts().stream().filter(TextPart::tabular).findFirst().orElseThrow();
        assertThat(table.where()).startsWith("attachment:" + name);
        List<String> rows = table.text().lines().toList();
        assertThat(rows.get(0)).isEqualTo("Naam\tBSN\tPlaats");
        assertThat(rows.get(1)).matches("Jan Jansen\t\\d{9}\tUtrecht");
        assertThat(rows.get(2)).isEqualTo("Piet Pietersen\t\tZwolle");
        assertThat(rows.get(4)).matches("\t\\d{9}\tDelft");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void namesTheSheetOfAWorkbook() {
        OutboundMessage result = extractor.extract(with(fixture("sheet.xlsx")));

        assertThat(result.texts()).filteredOn(TextPart::tabular).extracting(TextPart::where)
                .containsExactly("attachment:sheet.xlsx#sheet");
    }

    @Test
    void extractsFilesInsideNestedArchives() {
        OutboundMessage result = extractor.extract(with(fixture("nested.zip"), fixture("archive.tar.gz"),
                fixture("archive.7z")));

        assertThat(result.problems()).isEmpty();
        assertThat(textAt(result, "attachment:nested.zip/document.pdf")).contains(MARKER);
        assertThat(result.texts()).filteredOn(TextPart::tabular).extracting(TextPart::where)
                .contains("attachment:nested.zip/inner.zip/sheet.xlsx#sheet");
        assertThat(textAt(result, "attachment:archive.tar.gz/archive.tar/document.odt")).contains(MARKER);
        assertThat(textAt(result, "attachment:archive.7z/document.docx")).contains(MARKER);
    }

    @Test
    void extractsAttachedMessageAndItsAttachment() {
        OutboundMessage result = extractor.extract(with(fixture("forwarded.eml")));

        assertThat(result.problems()).isEmpty();
        assertThat(textAt(result, "attachment:forwarded.eml")).contains("LEKWACHT-DOORGESTUURD");
        assertThat(textAt(result, "attachment:forwarded.eml/bijlage.docx")).contains(MARKER);
    }

    @Test
    void extractsFileInsideWinmailDat() {
        OutboundMessage result = extractor.extract(with(fixture("winmail.dat")));

        assertThat(result.problems()).isEmpty();
        assertThat(textAt(result, "attachment:winmail.dat/verslag.txt")).contains("LEKWACHT-TNEF-BIJLAGE");
    }

    @Test
    void reportsEncryptedPdf() {
        assertThat(extractor.extract(with(fixture("encrypted.pdf"))).problems())
                .extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:encrypted.pdf", Reason.ENCRYPTED));
    }

    @Test
    void reportsPasswordZipEntry() {
        assertThat(extractor.extract(with(fixture("encrypted.zip"))).problems())
                .extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:encrypted.zip/document.pdf",
                        Reason.ENCRYPTED));
    }

    @Test
    void reportsEncryptedWordDocument() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("geheim");
        try (InputStream in = Files.newInputStream(TestMessages.FIXTURES.resolve("document.docx"));
             OutputStream out = encryptor.getDataStream(fs)) {
            in.transferTo(out);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();

        OutboundMessage result = extractor.extract(with(TestMessages.bytes("geheim.docx", encrypted.toByteArray())));

        assertThat(result.problems()).extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:geheim.docx", Reason.ENCRYPTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.pdf", "truncated.docx"})
    void reportsTruncatedFileAsCorrupt(String name) {
        assertThat(extractor.extract(with(fixture(name))).problems())
                .extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:" + name, Reason.CORRUPT));
    }

    @Test
    void reportsGarbageNamedAsPdfAsCorrupt() {
        byte[] garbage = new byte[4096];
        new java.util.Random(9).nextBytes(garbage);

        assertThat(extractor.extract(with(TestMessages.bytes("scan.pdf", garbage))).problems())
                .extracting(ExtractionProblem::where, ExtractionProblem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment:scan.pdf", Reason.CORRUPT));
    }

    @Test
    void findsNothingToReportInAnEmptyFile() {
        OutboundMessage result = extractor.extract(with(TestMessages.bytes("leeg.docx", new byte[0])));

        assertThat(result.problems()).isEmpty();
        assertThat(result.texts()).containsExactly(TextPart.body("Zie bijlage."));
    }

    @Test
    void reportsNestingDeeperThanTheLimit() {
        OutboundMessage result = extractor.extract(with(fixture("deep.zip")));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Reason.TOO_DEEP);
            assertThat(p.where()).startsWith("attachment:deep.zip/level6.zip/").endsWith("/level1.zip");
        });
        assertThat(allText(result)).doesNotContain(MARKER);
    }

    @Test
    void readsEveryAttachmentOfAMessageWithSeveral() {
        OutboundMessage result = extractor.extract(with(fixture("document.docx"), fixture("encrypted.pdf"),
                fixture("sheet.csv")));

        assertThat(result.texts()).extracting(TextPart::where)
                .contains("body", "attachment:document.docx", "attachment:sheet.csv");
        assertThat(result.problems()).extracting(ExtractionProblem::where).containsExactly("attachment:encrypted.pdf");
    }

    @Test
    void servesOrdinaryMailFromTheSameWarmProcesses() {
        List<Long> before = extractor.processIds();

        for (int i = 0; i < 6; i++) {
            assertThat(extractor.extract(with(fixture("document.docx"), fixture("sheet.xlsx"))).problems()).isEmpty();
        }

        assertThat(extractor.processIds()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void startsNoParserProcessUntilAMessageHasAnAttachment() {
        try (TikaContentExtractor lazy = new TikaContentExtractor(ExtractionSettings.defaults())) {
            lazy.extract(with());
            assertThat(lazy.processIds()).isEmpty();

            assertThat(textAt(lazy.extract(with(fixture("document.odt"))), "attachment:document.odt")).contains(MARKER);
            assertThat(lazy.processIds()).hasSize(2);
        }
    }

    @Test
    void leavesMessageWithoutAttachmentsAsItIs() {
        OutboundMessage message = with();

        assertThat(extractor.extract(message)).isSameAs(message);
    }

    private static String textAt(OutboundMessage result, String where) {
        StringBuilder text = new StringBuilder();
        result.texts().stream().filter(t -> t.where().equals(where) || t.where().startsWith(where + "#"))
                .forEach(t -> text.append(t.text()));
        assertThat(text).as("text at " + where + " in " + result.texts().stream().map(TextPart::where).toList())
                .isNotEmpty();
        return text.toString();
    }

    private static String allText(OutboundMessage result) {
        StringBuilder text = new StringBuilder();
        result.texts().forEach(t -> text.append(t.text()).append('\n'));
        return text.toString();
    }
}
