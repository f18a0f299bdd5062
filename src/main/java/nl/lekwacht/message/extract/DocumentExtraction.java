package nl.lekwacht.message.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.lekwacht.message.ExtractionProblem.Reason;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts the text of one attachment with Tika inside the parser process, walking nested documents
 * (files in archives, attached mails, objects embedded in Office files) up to the depth limit. Every
 * document that cannot be read is reported as a problem at its own location; the text read before a
 * limit was hit is kept.
 *
 * <p>Runs only in the parser process: a parse that never ends is stopped by killing that process.
 */
final class DocumentExtraction {

    /** Receives the results as they are found. */
    interface Sink {
        void text(String where, String text, boolean tabular) throws IOException;

        void problem(String where, Reason reason, String detail) throws IOException;
    }

    /** Stops the parse of every enclosing container once a budget of the message is used up. */
    private static final class BudgetStop extends SAXException {
        BudgetStop() {
            super("budget used up");
        }
    }

    private static final Set<String> SPREADSHEETS = Set.of("application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel.sheet.macroenabled.12", "application/vnd.ms-excel.sheet.binary.macroenabled.12",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
            "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template");
    private static final Set<String> CSV = Set.of("text/csv", "text/tab-separated-values");
    private static final Set<String> XML = Set.of("application/xml", "text/xml");
    private static final Set<String> MAIL = Set.of("message/rfc822", "application/vnd.ms-outlook",
            "application/vnd.ms-tnef", "message/x-emlx");

    /** System property: print the stack trace of every failed parse (no file content) to stderr. */
    static final String TRACE_PROPERTY = "lekwacht.extract.trace";

    private static final Pattern ENTRY = Pattern.compile("in entry (.+)$");

    private final AutoDetectParser parser;
    private final Detector detector;
    private final ScanReading scans;
    private final Path tempDir;

    /** What was done with images since the last call (see {@link ScanReading#takeCounts()}). */
    OcrCounts takeOcrCounts() {
        return scans.takeCounts();
    }

    DocumentExtraction(AutoDetectParser parser, ScanReading scans, Path tempDir) {
        this.parser = parser;
        this.detector = parser.getDetector();
        this.scans = scans;
        this.tempDir = tempDir;
    }

    /** One attachment, spooled to {@code file}; results go to {@code sink}. */
    void extract(Path file, long size, String name, String declaredType, int maxDepth, MessageBudget budget,
                 Sink sink) throws IOException {
        budget.startAttachment(size);
        Walk walk = new Walk(maxDepth, budget, sink);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            walk.document(in, "attachment:" + name, name, declaredType, 0);
        } catch (BudgetStop e) {
            // already reported where the budget ran out
        } catch (SAXException | IOException | RuntimeException e) {
            walk.report("attachment:" + name, e);
        }
    }

    /** The state of one attachment's walk through its nested documents. */
    private final class Walk {
        private final int maxDepth;
        private final MessageBudget budget;
        private final Sink sink;
        private boolean budgetReported;

        Walk(int maxDepth, MessageBudget budget, Sink sink) {
            this.maxDepth = maxDepth;
            this.budget = budget;
            this.sink = sink;
        }

        void document(TikaInputStream in, String where, String name, String declaredType, int depth)
                throws IOException, SAXException {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            if (declaredType != null && !declaredType.isBlank() && !declaredType.equals("application/octet-stream")) {
                metadata.set(Metadata.CONTENT_TYPE, declaredType);
            }
            try {
                MediaType type = detector.detect(in, metadata);
                String base = type.getBaseType().toString();
                boolean csv = CSV.contains(base) || (base.startsWith("text/") && isCsvName(name));
                if (base.equals("application/zip")) {
                    budget.declare(declaredZipSize(in));
                }
                if (csv) {
                    csv(in, metadata, where);
                } else if (XML.contains(base)) {
                    xml(in, where);
                } else if (isImage(base)) {
                    image(in, metadata, where, name, base);
                } else {
                    metadata.set(Metadata.CONTENT_TYPE, type.toString());
                    boolean pdf = base.equals("application/pdf");
                    // pages are counted for OCR's page limit, and to tell which pages without text are scans
                    ScanResolution.PdfScan scan = !pdf ? new ScanResolution.PdfScan(0, 0)
                            : ScanResolution.pdf(in.getPath(), scans.maxPages());
                    int pages = scan.pages();
                    boolean ocrAllowed = scans.pagesAllowed(pages);
                    StructuredTextHandler handler = new StructuredTextHandler(budget, SPREADSHEETS.contains(base));
                    try {
                        parse(in, handler, metadata, where, depth, ocrAllowed,
                                ScanResolution.renderDpi(scan.scanDpi()));
                    } finally {
                        emit(handler, where);
                    }
                    if (pdf && pages > 0 && isBlank(handler)) {
                        notRead(where, ocrAllowed ? null : "ocr-limit: more than " + scans.maxPages() + " pages");
                    } else if (pdf && pages > 0 && (scans.unavailable() != null || !ocrAllowed)) {
                        scansNotRead(where, handler, scan);
                    }
                }
            } catch (BudgetStop e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                report(where, e);
                if (budget.isExceeded()) {
                    throw new BudgetStop();
                }
            }
        }

        private void csv(TikaInputStream in, Metadata metadata, String where) throws Exception {
            try {
                sink.text(where, CsvTable.read(in, metadata, budget), true);
            } catch (StructuredTextHandler.TextLimitReached e) {
                sink.text(where, e.partial(), true);
                throw e;
            }
        }

        /**
         * An image: a logo or an office file's thumbnail is skipped, a photo scaled down, the rest read by OCR (or taken from the cache);
         * an image that is not read or holds no readable text is reported, never passed as clean.
         */
        private void image(TikaInputStream in, Metadata metadata, String where, String name, String type)
                throws Exception {
            if (isThumbnail(name)) {
                return;
            }
            ScanReading.Plan plan = scans.plan(in.getPath());
            if (plan.action() == ScanReading.Action.SKIP) {
                return;
            }
            if (plan.action() == ScanReading.Action.NOT_READ) {
                notRead(where, plan.why());
                return;
            }
            // keyed by the bytes as sent, so a repeated photo is neither scaled nor read again
            String hash = ScanReading.hash(in.getPath());
            String cached = scans.cached(hash);
            if (cached != null) {
                if (!cached.isBlank()) {
                    sink.text(where, cached, false);
                } else {
                    notRead(where, null);
                }
                return;
            }
            StructuredTextHandler handler = new StructuredTextHandler(budget, false);
            Path file = scans.prepare(in.getPath(), plan, tempDir);
            ParseContext context = new ParseContext();
            scans.configure(context, pdfConfig(), true, ScanResolution.TARGET_DPI);
            if (!file.equals(in.getPath())) {
                try (TikaInputStream image = TikaInputStream.get(file)) {
                    scans.read(image, "image/png", handler, metadata, context);
                } finally {
                    Files.deleteIfExists(file);
                }
            } else {
                scans.read(in, type, handler, metadata, context);
            }
            StringBuilder text = new StringBuilder();
            handler.pieces().forEach(p -> text.append(p.text()));
            scans.remember(hash, text.toString());
            emit(handler, where);
            if (text.toString().isBlank()) {
                notRead(where, null);
            }
        }

        /**
         * A PDF whose text pages were read but whose scanned pages OCR did not read (over its page limit,
         * or OCR off or missing): the scans are reported with how many pages were read of how many, while
         * the text of the read pages is inspected as usual. Without this the text pages made the document
         * look read.
         */
        private void scansNotRead(String where, StructuredTextHandler handler, ScanResolution.PdfScan scan)
                throws IOException {
            List<Boolean> blank = handler.pagesWithoutText();
            int unread = 0;
            for (int page = 0; page < blank.size(); page++) {
                unread += blank.get(page) && scan.pagesWithImages().contains(page) ? 1 : 0;
            }
            if (unread == 0) {
                return;
            }
            String cause = scans.unavailable() != null ? scans.unavailable()
                    : "ocr-limit: too-many-pages (OCR reads a PDF of at most " + scans.maxPages() + " pages)";
            sink.problem(where, Reason.OCR_UNAVAILABLE, cause + ": " + unread + " of " + scan.pages()
                    + " pages are scans without text and were not read; the text of the other "
                    + (scan.pages() - unread) + " pages was read");
        }

        /** An image-only document whose text was not read: why (OCR off, missing, a limit) or unreadable. */
        private void notRead(String where, String why) throws IOException {
            String cause = scans.unavailable() != null ? scans.unavailable() : why;
            if (cause != null) {
                sink.problem(where, Reason.OCR_UNAVAILABLE, cause);
            } else {
                sink.problem(where, Reason.UNREADABLE, "no text found by OCR");
            }
        }

        private void emit(StructuredTextHandler handler, String where) throws IOException {
            for (StructuredTextHandler.Piece piece : handler.pieces()) {
                sink.text(where + piece.suffix(), piece.text(), piece.tabular());
            }
        }

        private void xml(TikaInputStream in, String where) throws Exception {
            try {
                sink.text(where, XmlText.read(in, budget), false);
            } catch (StructuredTextHandler.TextLimitReached e) {
                sink.text(where, e.partial(), false);
                throw e;
            }
        }

        private void parse(TikaInputStream in, ContentHandler handler, Metadata metadata, String where, int depth,
                           boolean ocrAllowed, int ocrDpi) throws Exception {
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            PDFParserConfig pdf = pdfConfig();
            scans.configure(context, pdf, ocrAllowed, ocrDpi);
            context.set(PDFParserConfig.class, pdf);
            MediaType type = MediaType.parse(String.valueOf(metadata.get(Metadata.CONTENT_TYPE)));
            boolean mail = type != null && MAIL.contains(type.getBaseType().toString());
            context.set(EmbeddedDocumentExtractor.class, new Nested(where, depth, mail));
            try {
                parser.parse(in, handler, metadata, context);
            } finally {
                reportSwallowed(metadata, where);
            }
        }

        /** Parsers record some failures of files inside a container in its metadata instead of throwing. */
        private void reportSwallowed(Metadata metadata, String where) throws IOException {
            for (String trace : metadata.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM)) {
                String first = trace.lines().findFirst().orElse("");
                Matcher entry = ENTRY.matcher(first);
                String at = entry.find() ? where + "/" + entry.group(1).strip() : where;
                String type = first.contains(":") ? first.substring(0, first.indexOf(':')) : first;
                Reason reason = first.toLowerCase(Locale.ROOT).contains("encrypt") ? Reason.ENCRYPTED : Reason.CORRUPT;
                sink.problem(at, reason, type.substring(type.lastIndexOf('.') + 1));
            }
        }

        void report(String where, Throwable e) throws IOException {
            if (e instanceof ZeroByteFileException) {
                return; // an empty file holds nothing to inspect
            }
            if (budget.isExceeded()) {
                if (!budgetReported) {
                    budgetReported = true;
                    sink.problem(where, Reason.TOO_LARGE, budget.exceededReason());
                }
                return;
            }
            if (Boolean.getBoolean(TRACE_PROPERTY)) {
                e.printStackTrace();
            }
            sink.problem(where, classify(e), e.getClass().getSimpleName());
        }

        /** Receives the documents inside the one being parsed. */
        private final class Nested implements EmbeddedDocumentExtractor {
            private final String parentWhere;
            private final int depth;
            private final boolean mail;
            private int unnamed;

            /** @param mail true inside a mail, whose unnamed parts are its body texts */
            Nested(String parentWhere, int depth, boolean mail) {
                this.parentWhere = parentWhere;
                this.depth = depth;
                this.mail = mail;
            }

            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return true;
            }

            @Override
            public void parseEmbedded(InputStream stream, ContentHandler ignored, Metadata metadata, boolean outputHtml)
                    throws SAXException, IOException {
                if (budget.isExceeded()) {
                    throw new BudgetStop();
                }
                String name = nameOf(metadata);
                String where = parentWhere + "/" + name;
                if (depth + 1 > maxDepth) {
                    sink.problem(where, Reason.TOO_DEEP, "nested deeper than " + maxDepth + " levels");
                    return;
                }
                InputStream counted = budget.counting(CloseShieldInputStream.wrap(stream));
                try (TikaInputStream in = TikaInputStream.get(counted)) {
                    document(in, where, name, metadata.get(Metadata.CONTENT_TYPE), depth + 1);
                    counted.transferTo(OutputStream.nullOutputStream());
                } catch (MessageBudget.UnpackLimitException e) {
                    report(where, e);
                    throw new BudgetStop();
                } catch (IOException e) {
                    if (budget.isExceeded()) {
                        report(where, e); // the limit exception, wrapped by a parser's stream
                        throw new BudgetStop();
                    }
                    // the container could not hand over the rest of this file: it is damaged
                    sink.problem(where, Reason.CORRUPT, e.getClass().getSimpleName());
                }
            }

            private String nameOf(Metadata metadata) {
                String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
                if (name == null || name.isBlank()) {
                    name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
                }
                if (name == null || name.isBlank()) {
                    ++unnamed;
                    name = mail ? (unnamed == 1 ? "body" : "body-" + unnamed) : "embedded-" + unnamed;
                }
                return name.replaceAll("[\\r\\n\\t]", " ").strip();
            }
        }
    }

    /** The sum of the sizes a ZIP's directory declares for its files; 0 when it cannot be read here. */
    static long declaredZipSize(TikaInputStream in) throws IOException {
        long total = 0;
        try (ZipFile zip = ZipFile.builder().setPath(in.getPath()).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                total += Math.max(0, entry.getSize());
            }
        } catch (IOException | RuntimeException e) {
            return 0; // damaged directory: the parser reports it
        }
        return total;
    }

    private static PDFParserConfig pdfConfig() {
        PDFParserConfig config = new PDFParserConfig();
        config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        config.setExtractInlineImages(false);
        return config;
    }

    /** The preview picture an office file carries of its own first page: its text is the document's. */
    private static boolean isThumbnail(String name) {
        return name.toLowerCase(Locale.ROOT).contains("thumbnail");
    }

    private static boolean isImage(String base) {
        return base.startsWith("image/") && !base.equals("image/svg+xml");
    }

    private static boolean isBlank(StructuredTextHandler handler) {
        return handler.pieces().stream().allMatch(p -> p.text().isBlank());
    }

    static boolean isCsvName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".tsv");
    }

    /** Why a parse failed, from the exception and its causes. */
    static Reason classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (type.endsWith("EncryptedDocumentException") || type.endsWith("InvalidPasswordException")
                    || (type.endsWith("UnsupportedZipFeatureException") && message.contains("encrypt"))
                    || (type.endsWith("PasswordRequiredException"))) {
                return Reason.ENCRYPTED;
            }
            if (message.contains("zip bomb") || t instanceof MessageBudget.UnpackLimitException) {
                return Reason.TOO_LARGE;
            }
        }
        return Reason.CORRUPT;
    }
}
