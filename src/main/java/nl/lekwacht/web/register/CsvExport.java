package nl.lekwacht.web.register;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.register.Assessment;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;

/**
 * The register as CSV for spreadsheets used in the Netherlands: UTF-8 with a byte order mark, {@code ;}
 * between cells, CRLF between rows, every cell quoted. A cell starting with {@code = + - @} (or a tab
 * or CR, which spreadsheets strip first) gets a leading apostrophe, so an attacker-chosen subject
 * cannot become a formula (CSV injection).
 */
public final class CsvExport {

    static final String BOM = "\uFEFF";

    public byte[] export(List<Incident> incidents, java.util.function.Function<Incident, Assessment> assess) {
        StringBuilder csv = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(List.of("reference", "status", "origin", "created_at", "updated_at",
                "status_reason", "subject", "sender", "queue_id", "finding_codes"));
        for (Field f : Field.values()) {
            header.add(f.name().toLowerCase(java.util.Locale.ROOT));
        }
        header.add("derived_fields");
        header.add("enisa_score");
        header.add("enisa_level");
        row(csv, header);
        for (Incident i : incidents) {
            List<String> cells = new ArrayList<>();
            cells.add(i.reference());
            cells.add(i.status().name());
            cells.add(i.origin().name());
            cells.add(i.createdAt().toString());
            cells.add(i.updatedAt().toString());
            cells.add(i.statusReason());
            cells.add(i.message().map(m -> m.subject()).orElse(""));
            cells.add(i.message().map(m -> m.sender()).orElse(""));
            cells.add(i.message().map(m -> m.queueId()).orElse(""));
            cells.add(i.message().map(m -> String.join(",", m.codes())).orElse(""));
            for (Field f : Field.values()) {
                cells.add(i.answers().get(f));
            }
            cells.add(String.join(",", i.answers().derived().stream().map(Enum::name).toList()));
            Assessment a = assess.apply(i);
            cells.add(a.score().toPlainString());
            cells.add(a.level().name());
            row(csv, cells);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append('"').append(neutralise(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }

    /** Prefixes a cell a spreadsheet would read as a formula with an apostrophe. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }
}
