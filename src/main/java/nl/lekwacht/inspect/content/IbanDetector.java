package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.TextPart;

/**
 * Finds bank account numbers (IBAN, Dutch and foreign) in body and attachment texts: one finding per
 * location with the number of distinct accounts and masked evidence ({@code NL**********4300}).
 * An invoice carries one, so the default policy only logs this; it matters with other findings.
 *
 * <p>Pure and thread-safe.
 */
final class IbanDetector implements Detector {

    private final IbanScanner scanner = new IbanScanner();
    private final IbanSettings settings;

    IbanDetector(IbanSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "iban";
    }

    @Override
    public List<Finding> inspect(OutboundMessage message) {
        ByPlace<Set<String>> byPlace = new ByPlace<>();
        for (TextPart part : message.texts()) {
            for (String iban : scanner.scan(part.text())) {
                if (!settings.ignore().contains(iban)) {
                    byPlace.at(part, LinkedHashSet::new).add(iban);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byPlace.forEach((place, ibans) -> findings.add(new Finding(FindingCode.IBAN, Severity.LOW, place.where(),
                place.part(), ibans.size(), ibans.stream().limit(BsnDetector.MAX_EVIDENCE).map(IbanDetector::mask).toList(),
                ibans.size() + " bank account number(s) (IBAN)", Map.of())));
        return findings;
    }

    /** Country code, stars, last four characters: {@code NL91ABNA0417164300} becomes {@code NL************4300}. */
    static String mask(String iban) {
        return iban.substring(0, 2) + "*".repeat(iban.length() - 6) + iban.substring(iban.length() - 4);
    }
}
