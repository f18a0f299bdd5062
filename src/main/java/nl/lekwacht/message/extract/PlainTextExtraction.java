package nl.lekwacht.message.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lekwacht.message.Attachment;
import nl.lekwacht.message.ExtractionProblem;
import nl.lekwacht.message.ExtractionProblem.Reason;
import nl.lekwacht.message.TextPart;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.txt.TXTParser;

/**
 * Reads plain-text and CSV attachments in the gateway process instead of a parser process: shipping a
 * text file to a child, spooling it there and sending its text back cost far more than reading it
 * (issue 16: 3-6 MB/s end to end). Only a message whose attachments are all plain text is read here,
 * so the message's text budget is spent in the same order as in a parser process; any other message
 * goes to the pool whole.
 *
 * <p>The code that runs is the parser process's own for these types: Tika's detector on the same
 * metadata decides the type, Tika's text parser (charset detection included) into the same
 * {@link StructuredTextHandler}, or {@link CsvTable}; the limits answer as the pool does (an attachment
 * over {@code max-attachment-size} or unreadable gives no text and one problem; the text budget keeps
 * what fitted; past {@code timeout} the attachment and those after it are timeout problems). Plain text
 * cannot make a parser loop, so no process needs to be killable here.
 *
 * <p>Thread-safe.
 */
final class PlainTextExtraction {

    /** Declared types worth a look; the detector decides. */
    private static final Set<String> DECLARED = Set.of("text/plain", "text/csv", "text/tab-separated-values");
    private static final Set<String> CSV = Set.of("text/csv", "text/tab-separated-values");

    private final Detector detector = new DefaultDetector();
    private final TXTParser parser = new TXTParser();

    /** An attachment read here: the exception that ended it early, if any, stays with the stream. */
    private static final class Source extends FilterInputStream {
        private final long maxBytes;
        private final long deadline;
        private long count;
        private IOException failed;
        private boolean tooLarge;
        private boolean late;

        Source(InputStream in, long maxBytes, long deadline) {
            super(in);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (System.nanoTime() - deadline > 0) {
                late = true;
                throw new IOException("extraction time used up");
            }
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                failed = e;
                throw e;
            }
            if (n > 0) {
                count += n;
                if (count > maxBytes) {
                    tooLarge = true;
                    throw new IOException("attachment over the size limit");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }
    }

    /**
     * Reads the attachments here when every one of them is plain text or CSV.
     *
     * @return the answer a parser process would give; empty when the message needs the pool
     */
    Optional<ParserProcess.Result> extract(List<Attachment> attachments, ExtractionSettings settings) {
        if (!attachments.stream().allMatch(a -> DECLARED.contains(a.contentType()))) {
            return Optional.empty();
        }
        List<MediaType> types = new ArrayList<>();
        for (Attachment attachment : attachments) {
            MediaType type = detect(attachment);
            if (type == null) {
                return Optional.empty();
            }
            types.add(type);
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        MessageBudget budget = new MessageBudget(settings.maxText(), settings.maxUnpackedSize(),
                settings.maxCompressionRatio());
        List<TextPart> texts = new ArrayList<>();
        // as with the pool: what the gateway finds while sending comes before what the process answers
        List<ExtractionProblem> problems = new ArrayList<>();
        List<ExtractionProblem> answered = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            List<TextPart> found = new ArrayList<>();
            List<ExtractionProblem> reported = new ArrayList<>();
            MessageBudget before = budget.copy();
            Source source;
            try {
                source = new Source(attachment.open(), settings.maxAttachmentSize(), deadline);
            } catch (IOException e) {
                problems.add(ExtractionProblem.of(attachment, attachment.where(), Reason.CORRUPT,
                        "attachment content unreadable: " + e.getClass().getSimpleName()));
                continue;
            }
            try (source) {
                read(source, attachment, types.get(i), budget, found, reported);
                // a parser process gets the whole attachment before it reads any: the size limit and a
                // broken transfer encoding apply to what the text parser did not need as well
                source.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the source's flags say what happened; closing a decoder stream changes nothing
            }
            if (source.late) {
                String detail = "extraction took longer than " + settings.timeout().toMillis() + " ms";
                for (int j = i; j < attachments.size(); j++) {
                    Attachment a = attachments.get(j);
                    problems.add(ExtractionProblem.of(a, a.where(), Reason.TIMEOUT,
                            j == i ? detail : "not reached: " + detail));
                }
                break;
            }
            if (source.tooLarge || source.failed != null) {
                budget = before; // the parser process never sees such an attachment
                problems.add(ExtractionProblem.of(attachment, attachment.where(),
                        source.tooLarge ? Reason.TOO_LARGE : Reason.CORRUPT, source.tooLarge
                                ? "attachment over " + settings.maxAttachmentSize() + " bytes"
                                : "attachment content unreadable: " + source.failed.getClass().getSimpleName()));
                continue;
            }
            texts.addAll(found);
            answered.addAll(reported);
        }
        problems.addAll(answered);
        return Optional.of(new ParserProcess.Result(texts, problems, OcrCounts.NONE));
    }

    /** The type a parser process would find, when it is plain text or CSV; null otherwise. */
    private MediaType detect(Attachment attachment) {
        try (TikaInputStream in = TikaInputStream.get(attachment.open())) {
            MediaType type = detector.detect(in, metadata(attachment));
            String base = type.getBaseType().toString();
            return base.equals("text/plain") || csv(base, attachment.name()) ? type : null;
        } catch (IOException | RuntimeException e) {
            return null; // the pool reports what is wrong with it
        }
    }

    private static boolean csv(String base, String name) {
        return CSV.contains(base) || (base.startsWith("text/") && DocumentExtraction.isCsvName(name));
    }

    private static Metadata metadata(Attachment attachment) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, attachment.name());
        metadata.set(Metadata.CONTENT_TYPE, attachment.contentType());
        return metadata;
    }

    /** What {@code DocumentExtraction} does with one plain-text or CSV document. */
    private void read(Source source, Attachment attachment, MediaType type, MessageBudget budget,
                      List<TextPart> texts, List<ExtractionProblem> problems) throws IOException {
        String where = "attachment:" + attachment.name();
        String partId = attachment.partId();
        budget.startAttachment(Math.max(1, attachment.encodedSize()));
        Metadata metadata = metadata(attachment);
        try (TikaInputStream in = TikaInputStream.get(source)) {
            if (csv(type.getBaseType().toString(), attachment.name())) {
                try {
                    texts.add(new TextPart(partId, where, CsvTable.read(in, metadata, budget), true));
                } catch (StructuredTextHandler.TextLimitReached e) {
                    texts.add(new TextPart(partId, where, e.partial(), true));
                    throw e;
                }
            } else {
                if (in.peek(new byte[1]) <= 0) {
                    return; // an empty file holds nothing to inspect (Tika's ZeroByteFileException)
                }
                metadata.set(Metadata.CONTENT_TYPE, type.toString());
                StructuredTextHandler handler = new StructuredTextHandler(budget, false);
                try {
                    parser.parse(in, handler, metadata, new ParseContext());
                } finally {
                    handler.pieces().forEach(p -> texts.add(new TextPart(partId, where + p.suffix(), p.text(),
                            p.tabular())));
                }
            }
        } catch (Exception e) {
            if (budget.isExceeded()) {
                problems.add(new ExtractionProblem(partId, where, Reason.TOO_LARGE, budget.exceededReason()));
            } else {
                problems.add(new ExtractionProblem(partId, where, DocumentExtraction.classify(e),
                        e.getClass().getSimpleName()));
            }
        }
    }
}
