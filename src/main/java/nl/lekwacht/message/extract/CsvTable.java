package nl.lekwacht.message.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;

/**
 * Reads a CSV or TSV file as a table: one row a line, cells separated by a tab, the first line being the
 * header row. The charset is detected; the separator is whichever of {@code ; , TAB |} the first line
 * holds most of (Dutch spreadsheet exports use {@code ;}).
 */
final class CsvTable {

    private static final char[] SEPARATORS = {';', ',', '\t', '|'};
    private static final int BLOCK = 64 * 1024;

    private CsvTable() {
    }

    /** @return the table text; stops (keeping what it read) when the text budget runs out */
    static String read(InputStream in, Metadata metadata, MessageBudget budget)
            throws IOException, TikaException, StructuredTextHandler.TextLimitReached {
        try (AutoDetectReader reader = new AutoDetectReader(in, metadata)) {
            BufferedReader buffered = new BufferedReader(reader, BLOCK);
            buffered.mark(BLOCK);
            String first = buffered.readLine();
            buffered.reset();
            if (first == null) {
                return "";
            }
            return table(buffered, separator(first), budget, BLOCK);
        }
    }

    /**
     * The rows of the file as commons-csv reads them (default format with this delimiter, empty lines
     * ignored, cells trimmed): plain lines split here ({@link PlainCsvLines}), from the first line with a
     * quote on by commons-csv itself.
     */
    static String table(Reader in, char delimiter, MessageBudget budget, int blockSize)
            throws IOException, StructuredTextHandler.TextLimitReached {
        StringBuilder text = new StringBuilder();
        StringBuilder row = new StringBuilder();
        PlainCsvLines lines = new PlainCsvLines(in, blockSize);
        while (lines.next()) {
            row.setLength(0);
            char[] chars = lines.chars();
            int end = lines.lineEnd();
            int cell = lines.lineStart();
            for (int i = cell; i <= end; i++) {
                if (i == end || chars[i] == delimiter) {
                    if (cell > lines.lineStart()) {
                        row.append('\t');
                    }
                    appendTrimmed(row, chars, cell, i);
                    cell = i + 1;
                }
            }
            append(text, row, budget);
        }
        Reader rest = lines.rest();
        if (rest == null) {
            return text.toString();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(rest, format)) {
            for (CSVRecord record : parser) {
                row.setLength(0);
                for (int i = 0; i < record.size(); i++) {
                    if (i > 0) {
                        row.append('\t');
                    }
                    row.append(record.get(i).replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
                }
                append(text, row, budget);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return text.toString();
    }

    /** A plain cell as commons-csv trims it ({@link String#trim()}), a tab in it made a space. */
    private static void appendTrimmed(StringBuilder row, char[] chars, int from, int to) {
        while (from < to && chars[from] <= ' ') {
            from++;
        }
        while (to > from && chars[to - 1] <= ' ') {
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = chars[i];
            row.append(c == '\t' ? ' ' : c);
        }
    }

    private static void append(StringBuilder text, StringBuilder row, MessageBudget budget)
            throws StructuredTextHandler.TextLimitReached {
        row.append('\n');
        int granted = budget.takeChars(row.length());
        text.append(row, 0, granted);
        if (granted < row.length()) {
            throw new StructuredTextHandler.TextLimitReached(text.toString());
        }
    }

    static char separator(String firstLine) {
        char best = ',';
        long bestCount = 0;
        for (char candidate : SEPARATORS) {
            long count = firstLine.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
