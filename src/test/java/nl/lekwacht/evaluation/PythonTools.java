package nl.lekwacht.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the corpus' Python producers (hand-written PDFs, mail written by Python's email package). */
final class PythonTools {

    private final Path tools;
    private final Path work;
    private final ObjectMapper json = new ObjectMapper();
    private int counter;

    PythonTools(Path tools, Path work) {
        this.tools = tools;
        this.work = work;
    }

    /** A PDF from {@code rawpdf.py}; see the script for the spec. */
    byte[] rawPdf(Map<String, Object> spec) {
        return run("rawpdf.py", spec, "pdf");
    }

    /** An e-mail from {@code pymail.py}; attachments are given as byte arrays under "bytes". */
    byte[] mail(Map<String, Object> spec) {
        return run("pymail.py", spec, "eml");
    }

    /** Writes {@code bytes} to a work file and returns its path, for a mail spec's attachment. */
    String file(byte[] bytes, String ext) {
        try {
            Files.createDirectories(work);
            Path p = work.resolve("att" + (counter++) + "." + ext);
            Files.write(p, bytes);
            return p.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] run(String script, Map<String, Object> spec, String ext) {
        try {
            Files.createDirectories(work);
            int n = counter++;
            Path in = work.resolve("spec" + n + ".json");
            Path out = work.resolve("out" + n + "." + ext);
            json.writeValue(in.toFile(), spec);
            Process p = new ProcessBuilder("python3", tools.resolve(script).toString(), in.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("py" + n + ".log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new IOException(script + " failed, see " + work.resolve("py" + n + ".log"));
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
