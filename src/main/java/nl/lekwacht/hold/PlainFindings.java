package nl.lekwacht.hold;

import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.hold.HoldDetails.StoredFinding;
import nl.lekwacht.text.Texts;

/**
 * Findings in words a non-specialist understands, for the notification and the page: a title, one
 * explanation, where it was found, and the masked evidence. Stateless.
 */
public final class PlainFindings {

    /** One finding as shown to the sender. */
    public record Plain(String code, String title, String explanation, String where, List<String> evidence) {
    }

    private PlainFindings() {
    }

    /** Findings made during a learning period are left out: they did not hold the message. */
    public static List<Plain> describe(Texts t, List<StoredFinding> findings) {
        List<Plain> plain = new ArrayList<>();
        for (StoredFinding f : findings) {
            if ("true".equals(f.details().get("learning"))) {
                continue;
            }
            String title = t.has("finding." + f.code() + ".title") ? t.get("finding." + f.code() + ".title") : f.code();
            String explanation = t.has("finding." + f.code() + ".explain")
                    ? t.format("finding." + f.code() + ".explain", f.count()) : f.message();
            plain.add(new Plain(f.code(), title, explanation, where(t, f.where()), evidence(t, f)));
        }
        return plain;
    }

    private static String where(Texts t, String where) {
        if (where.equals("body")) {
            return t.get("finding.where.body");
        }
        if (where.startsWith("attachment:")) {
            return t.format("finding.where.attachment", where.substring("attachment:".length()));
        }
        if (where.startsWith("header:")) {
            String field = where.substring("header:".length());
            return t.format("finding.where.header", t.has("finding.field." + field) ? t.get("finding.field." + field) : field);
        }
        return where;
    }

    private static List<String> evidence(Texts t, StoredFinding f) {
        if (f.code().equals("MISDIRECTED_RECIPIENT") && f.details().containsKey("recipient")) {
            return List.of(f.details().get("recipient") + " — " + t.format("finding.didYouMean",
                    f.details().getOrDefault("suggestion", "?")));
        }
        if (f.code().equals("VISIBLE_RECIPIENTS")) {
            // the detector's summary line is English prose; the addresses speak for themselves
            return f.evidence().stream().filter(e -> e.contains("@") && !e.contains(" ")).limit(20).toList();
        }
        return f.evidence().stream().limit(20).toList();
    }
}
