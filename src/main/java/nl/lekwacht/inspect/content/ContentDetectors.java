package nl.lekwacht.inspect.content;

import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.config.source.ConfigNode;
import nl.lekwacht.inspect.Detector;

/**
 * Builds the content detectors (BSN, IBAN, special categories) from the {@code detectors} section:
 * {@code detectors.bsn}, {@code detectors.iban}, {@code detectors.special-category}. Problems in the
 * settings are recorded on the config node with their key; a detector that is not enabled is left out.
 */
public final class ContentDetectors {

    private ContentDetectors() {
    }

    public static List<Detector> fromConfig(ConfigNode detectors) {
        List<Detector> list = new ArrayList<>();
        BsnSettings bsn = BsnSettings.read(detectors.child("bsn"));
        if (bsn.enabled()) {
            list.add(bsn(bsn));
        }
        IbanSettings iban = IbanSettings.read(detectors.child("iban"));
        if (iban.enabled()) {
            list.add(iban(iban));
        }
        SpecialCategorySettings special = SpecialCategorySettings.read(detectors.child("special-category"));
        if (special.enabled()) {
            list.add(specialCategory(special));
        }
        return list;
    }

    public static Detector bsn(BsnSettings settings) {
        return new BsnDetector(settings);
    }

    public static Detector iban(IbanSettings settings) {
        return new IbanDetector(settings);
    }

    public static Detector specialCategory(SpecialCategorySettings settings) {
        return new SpecialCategoryDetector(settings);
    }
}
