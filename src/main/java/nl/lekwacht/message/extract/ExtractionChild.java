package nl.lekwacht.message.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.message.ExtractionProblem.Reason;
import org.apache.tika.parser.AutoDetectParser;

/**
 * The parser process: started by {@link ParserProcess} from the gateway's own class path, it answers
 * extraction requests on stdin/stdout (see {@link Wire}) until its stdin closes. Everything else a
 * library prints goes to stderr, so stdout stays the protocol's.
 */
final class ExtractionChild {

    /** Argument: parse samples before answering READY (see {@link ChildWarmUp}). */
    static final String WARM_UP = "--warm-up";

    /** System property: the OCR settings ({@link OcrSettings#encode()}). */
    static final String OCR_PROPERTY = "lekwacht.ocr";

    private record Spooled(String name, String type, Path file, long size) {
    }

    private final DataInputStream in;
    private final DataOutputStream out;
    private final DocumentExtraction extraction;

    private ExtractionChild(DataInputStream in, DataOutputStream out, DocumentExtraction extraction) {
        this.in = in;
        this.out = out;
        this.extraction = extraction;
    }

    public static void main(String[] args) throws IOException {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(protocol, 64 * 1024));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in),
                64 * 1024));
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        watchParent(tempDir);
        OcrSettings ocr = OcrSettings.decode(System.getProperty(OCR_PROPERTY));
        AutoDetectParser parser = new AutoDetectParser();
        if (List.of(args).contains(WARM_UP)) {
            // without OCR: the warm-up's one-line PDF would otherwise be rendered and read by Tesseract
            ChildWarmUp.run(new DocumentExtraction(parser, new ScanReading(ocr, "warm-up"), tempDir), tempDir);
        }
        ScanReading scans = new ScanReading(ocr, ScanReading.availability(ocr));
        DocumentExtraction extraction = new DocumentExtraction(parser, scans, tempDir);
        out.writeByte(Wire.READY);
        out.flush();
        new ExtractionChild(in, out, extraction).serve();
    }

    /**
     * Ends this process when the gateway is gone (killed without closing the pool): a parser stuck in a
     * loop would otherwise run on as an orphan.
     */
    private static void watchParent(Path tempDir) {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            removeTemporaryFiles(tempDir);
            Runtime.getRuntime().halt(2);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The gateway made this directory for this process alone; nobody else will remove it now. */
    private static void removeTemporaryFiles(Path tempDir) {
        try (var paths = Files.walk(tempDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    private void serve() throws IOException {
        while (true) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                return; // the gateway closed the pool
            }
            if (magic != Wire.REQUEST) {
                throw new IOException("protocol error");
            }
            answer();
        }
    }

    private void answer() throws IOException {
        long maxChars = in.readLong();
        long maxUnpacked = in.readLong();
        int maxRatio = in.readInt();
        int maxDepth = in.readInt();
        int count = in.readInt();
        List<Spooled> files = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                files.add(spool(Wire.readLabel(in), Wire.readLabel(in)));
            }
            MessageBudget budget = new MessageBudget(maxChars, maxUnpacked, maxRatio);
            DocumentExtraction.Sink sink = new DocumentExtraction.Sink() {
                @Override
                public void text(String where, String text, boolean tabular) throws IOException {
                    out.writeByte(Wire.TEXT);
                    Wire.writeString(out, where);
                    out.writeBoolean(tabular);
                    Wire.writeString(out, text);
                }

                @Override
                public void problem(String where, Reason reason, String detail) throws IOException {
                    out.writeByte(Wire.PROBLEM);
                    Wire.writeString(out, where);
                    Wire.writeString(out, reason.name());
                    Wire.writeString(out, detail);
                }
            };
            for (Spooled file : files) {
                if (file.file() != null) {
                    extraction.extract(file.file(), file.size(), file.name(), file.type(), maxDepth, budget, sink);
                    Files.deleteIfExists(file.file());
                }
                out.writeByte(Wire.DONE);
                out.flush();
            }
            OcrCounts ocr = extraction.takeOcrCounts();
            out.writeByte(Wire.OCR);
            out.writeLong(ocr.read());
            out.writeLong(ocr.cached());
            out.writeLong(ocr.skipped());
            out.writeLong(ocr.scaledDown());
            out.writeLong(ocr.scaledUp());
            out.writeByte(Wire.END);
            out.flush();
        } finally {
            for (Spooled file : files) {
                if (file.file() != null) {
                    Files.deleteIfExists(file.file());
                }
            }
        }
    }

    /** Copies one attachment's chunks to a temporary file; a dropped attachment has no file. */
    private Spooled spool(String name, String type) throws IOException {
        Path file = Files.createTempFile("att", ".bin");
        long size = 0;
        boolean dropped = false;
        try (OutputStream target = Files.newOutputStream(file)) {
            byte[] buffer = new byte[Wire.CHUNK_SIZE];
            while (true) {
                int length = in.readInt();
                if (length == Wire.CHUNK_END) {
                    break;
                }
                if (length == Wire.CHUNK_DROPPED) {
                    dropped = true;
                    break;
                }
                if (length < 0 || length > Wire.CHUNK_SIZE) {
                    throw new IOException("protocol error: chunk of " + length);
                }
                in.readFully(buffer, 0, length);
                target.write(buffer, 0, length);
                size += length;
            }
        }
        if (dropped) {
            Files.deleteIfExists(file);
            return new Spooled(name, type, null, size);
        }
        return new Spooled(name, type, file, size);
    }
}
