package nl.lekwacht.message.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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

    private CsvTable() {
    }

    /** @return the table text; stops (keeping what it read) when the text budget runs out */
    static String read(InputStream in, Metadata metadata, MessageBudget budget)
            throws IOException, TikaException, StructuredTextHandler.TextLimitReached {
        try (AutoDetectReader reader = new AutoDetectReader(in, metadata)) {
            BufferedReader buffered = new BufferedReader(reader, 64 * 1024);
            buffered.mark(64 * 1024);
            String first = buffered.readLine();
            buffered.reset();
            if (first == null) {
                return "";
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(first))
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            StringBuilder text = new StringBuilder();
            try (CSVParser parser = CSVParser.parse(buffered, format)) {
                for (CSVRecord record : parser) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 0; i < record.size(); i++) {
                        if (i > 0) {
                            row.append('\t');
                        }
                        row.append(record.get(i).replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
                    }
                    row.append('\n');
                    int granted = budget.takeChars(row.length());
                    text.append(row, 0, granted);
                    if (granted < row.length()) {
                        throw new StructuredTextHandler.TextLimitReached(text.toString());
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return text.toString();
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
