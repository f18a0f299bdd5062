package nl.lekwacht.message.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Splitting plain lines in the table reader changes nothing: on random CSV text (line breaks of every
 * kind, empty and blank lines, cells with spaces and tabs, a missing last line break, now and then a
 * quote or U+FFFE that hands the rest to commons-csv), read in blocks of every size and with budgets
 * that run out, the table text, the budget left and the type of any error are what commons-csv alone gives.
 */
class CsvTableEquivalenceTest {

    private static final String[] PIECES = {"Jan", "de Vries", "123456782", "1-2-1980", " ", "  ", "\t", ";", ",",
        "|", "\n", "\r", "\r\n", "\n\r", "\r\r\n", "é", "#", "\\", "\u0000", "\u00a0", "\u000b", "'", "x"};
    private static final String[] RARE = {"\"", "\"\"", "\"a;b\"", "\"a\nb\"", "\ufffe"};
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};

    @Test
    void readsEveryRandomTableAsCommonsCsvAlone() {
        Random random = new Random(1616);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(random.nextInt(20) == 0 ? 3000 : 60);
            boolean quotes = random.nextInt(4) == 0;
            for (int p = 0; p < pieces; p++) {
                b.append(quotes && random.nextInt(30) == 0 ? RARE[random.nextInt(RARE.length)]
                        : PIECES[random.nextInt(PIECES.length)]);
            }
            String csv = b.toString();
            char delimiter = DELIMITERS[random.nextInt(DELIMITERS.length)];
            long maxChars = random.nextBoolean() ? 1_000_000 : random.nextInt(200);
            int block = random.nextBoolean() ? 1 + random.nextInt(16) : 64 * 1024;
            MessageBudget expectedBudget = new MessageBudget(maxChars, 1 << 30, 100);
            MessageBudget actualBudget = new MessageBudget(maxChars, 1 << 30, 100);
            String expected = outcome(() -> commonsCsv(csv, delimiter, expectedBudget));
            String actual = outcome(() -> CsvTable.table(new StringReader(csv), delimiter, actualBudget, block));
            String what = "delimiter [" + delimiter + "] block " + block + " budget " + maxChars + ": [" + csv + "]";
            assertEquals(expected, actual, what);
            assertEquals(expectedBudget.takeChars(Integer.MAX_VALUE), actualBudget.takeChars(Integer.MAX_VALUE), what);
        }
    }

    private interface Table {
        String read() throws IOException, StructuredTextHandler.TextLimitReached;
    }

    private static String outcome(Table table) {
        try {
            return "text: " + table.read();
        } catch (StructuredTextHandler.TextLimitReached e) {
            return "limit: " + e.partial();
        } catch (IOException | RuntimeException e) {
            // the type only: commons-csv's message counts lines from where it started reading, and a
            // problem's detail names the type alone (DocumentExtraction, PlainTextExtraction)
            return "error: " + e.getClass().getName();
        }
    }

    /** The table as read before plain lines were split by hand: every line by commons-csv. */
    private static String commonsCsv(String csv, char delimiter, MessageBudget budget)
            throws IOException, StructuredTextHandler.TextLimitReached {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        StringBuilder text = new StringBuilder();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
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
