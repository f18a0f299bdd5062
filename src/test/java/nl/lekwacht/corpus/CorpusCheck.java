package nl.lekwacht.corpus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.flow.Verdict;

/** Compares what the chain found in one scenario with its {@link Expectation}; lists every difference. */
final class CorpusCheck {

    /** Eight digits in a row anywhere in what a finding shows would be an unmasked number. */
    private static final Pattern UNMASKED = Pattern.compile("\\d{8}");

    private CorpusCheck() {
    }

    static Set<FindingCode> codes(List<Finding> findings) {
        Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        findings.forEach(f -> codes.add(f.code()));
        return codes;
    }

    static int count(List<Finding> findings, FindingCode code, String where) {
        return findings.stream().filter(f -> f.code() == code && matches(f.where(), where))
                .mapToInt(Finding::count).sum();
    }

    static List<String> differences(Expectation e, Verdict verdict) {
        List<Finding> findings = verdict.findings();
        List<String> problems = new ArrayList<>();
        Set<FindingCode> found = codes(findings);
        for (FindingCode code : e.present) {
            if (!found.contains(code)) {
                problems.add("missing " + code);
            }
        }
        for (FindingCode code : e.absent()) {
            if (found.contains(code)) {
                problems.add("unexpected " + code + " " + describe(findings, code));
            }
        }
        for (Expectation.Count c : e.counts) {
            int actual = count(findings, c.code(), c.where());
            if (actual != c.count()) {
                problems.add("count " + c.code() + " " + c.where() + ": expected " + c.count() + ", got " + actual);
            }
        }
        for (Expectation.Level s : e.severities) {
            Severity actual = findings.stream().filter(f -> f.code() == s.code() && matches(f.where(), s.where()))
                    .map(Finding::severity).max(Enum::compareTo).orElse(null);
            if (actual != s.severity()) {
                problems.add("severity " + s.code() + " " + s.where() + ": expected " + s.severity() + ", got " + actual);
            }
        }
        for (Expectation.Item item : e.evidence) {
            boolean shown = findings.stream().anyMatch(f -> f.code() == item.code() && f.evidence().contains(item.value()));
            if (!shown) {
                problems.add("evidence " + item.code() + " lacks " + item.value());
            }
        }
        for (Expectation.Item item : e.categories) {
            boolean named = findings.stream().anyMatch(f -> f.code() == item.code()
                    && f.details().getOrDefault("categories", "").contains(item.value()));
            if (!named) {
                problems.add("category " + item.value() + " not named");
            }
        }
        for (Expectation.Reason r : e.reasons) {
            boolean reasoned = findings.stream().anyMatch(f -> f.code() == FindingCode.UNINSPECTABLE_ATTACHMENT
                    && matches(f.where(), r.where()) && normal(f.details().getOrDefault("reason", "")).equals(normal(r.reason())));
            if (!reasoned) {
                problems.add("uninspectable " + r.where() + " " + r.reason() + " not reported: "
                        + describe(findings, FindingCode.UNINSPECTABLE_ATTACHMENT));
            }
        }
        for (Finding f : findings) {
            String shown = f.evidence() + " " + f.message() + " " + f.details();
            if (UNMASKED.matcher(shown).find()) {
                problems.add("unmasked digits in a " + f.code() + " finding");
            }
        }
        if (UNMASKED.matcher(String.join(" ", verdict.reasons())).find()) {
            problems.add("unmasked digits in the verdict's reasons");
        }
        return problems;
    }

    private static boolean matches(String where, String expected) {
        return expected.equals("body") ? where.equals("body") : where.equals(expected) || where.startsWith(expected + "/")
                || where.startsWith(expected + "#") || where.startsWith(expected);
    }

    private static String normal(String reason) {
        return reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String describe(List<Finding> findings, FindingCode code) {
        return findings.stream().filter(f -> f.code() == code)
                .map(f -> f.where() + " x" + f.count() + " " + f.severity() + " " + f.details()).toList().toString();
    }
}
