package nl.lekwacht.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Searches files for a BSN the way {@code strings} would: runs of at least four printable characters,
 * as single bytes (ASCII, and so UTF-8 text) and as UTF-16 little- and big-endian, in the plain,
 * spaced, dotted and dashed forms.
 */
public final class StringsSearch {

    private StringsSearch() {
    }

    /** The ways a nine-digit BSN is written. */
    public static List<String> forms(String bsn) {
        String a = bsn.substring(0, 3);
        String b = bsn.substring(3, 6);
        String c = bsn.substring(6);
        return List.of(bsn, a + " " + b + " " + c, a + "." + b + "." + c, bsn.substring(0, 4) + "."
                + bsn.substring(4, 6) + "." + c, a + "-" + b + "-" + c);
    }

    /** {@code file: form} for each file under {@code root} (a file or a directory) that holds a form. */
    public static List<String> find(Path root, String bsn) {
        List<String> hits = new ArrayList<>();
        if (!Files.exists(root)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hits.addAll(find(file.toString(), Files.readAllBytes(file), bsn));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    /** {@code what: form} when the bytes hold a form. */
    public static List<String> find(String what, byte[] bytes, String bsn) {
        List<String> hits = new ArrayList<>();
        String text = strings(bytes, 1, 0, 0) + "\n" + strings(bytes, 2, 0, 0) + "\n" + strings(bytes, 2, 1, 0)
                + "\n" + strings(bytes, 2, 0, 1) + "\n" + strings(bytes, 2, 1, 1);
        for (String form : forms(bsn)) {
            if (text.contains(form)) {
                hits.add(what + ": " + form);
            }
        }
        return hits;
    }

    /** {@code text: form} when the text holds a form. */
    public static List<String> find(String what, String text, String bsn) {
        return find(what, text.getBytes(StandardCharsets.UTF_8), bsn);
    }

    /**
     * Printable runs of four or more, reading characters of {@code width} bytes from {@code start}, the
     * low byte at {@code low}.
     */
    private static String strings(byte[] bytes, int width, int low, int start) {
        StringBuilder out = new StringBuilder();
        StringBuilder run = new StringBuilder();
        for (int i = start; i + width <= bytes.length; i += width) {
            int c = bytes[i + low] & 0xff;
            boolean zeroHigh = width == 1 || bytes[i + 1 - low] == 0;
            if (zeroHigh && (c >= 0x20 && c < 0x7f || c == '\t')) {
                run.append((char) c);
            } else {
                if (run.length() >= 4) {
                    out.append(run).append('\n');
                }
                run.setLength(0);
            }
        }
        if (run.length() >= 4) {
            out.append(run);
        }
        return out.toString();
    }
}
