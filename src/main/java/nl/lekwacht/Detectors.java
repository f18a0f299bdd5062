package nl.lekwacht;

import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.inspect.Detector;
import nl.lekwacht.inspect.FollowUpDetector;
import nl.lekwacht.inspect.content.ContentDetectors;
import nl.lekwacht.inspect.content.UninspectableAttachmentDetector;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.extract.ExtractionSettings;
import nl.lekwacht.message.extract.TikaContentExtractor;

/**
 * Which detectors and which extractor a gateway runs, built from configuration. Part of the wiring:
 * each detector family adds its construction here, reading its own settings from the
 * {@code detectors} section (problems go to the config's problem list, so {@code check-config}
 * reports them too).
 */
final class Detectors {

    private Detectors() {
    }

    static List<Detector> plain(LekwachtConfig config) {
        List<Detector> detectors = new ArrayList<>();
        // content detectors (BSN, IBAN, special categories, uninspectable attachments) are added here
        detectors.addAll(ContentDetectors.fromConfig(config.detectors()));
        detectors.add(new UninspectableAttachmentDetector());
        // recipient detectors (visible recipients, misdirected) are added here
        return detectors;
    }

    static List<FollowUpDetector> followUps(LekwachtConfig config) {
        List<FollowUpDetector> detectors = new ArrayList<>();
        // NEW_RECIPIENT_WITH_PERSONAL_DATA is added here
        return detectors;
    }

    /**
     * Reads every detector family's settings without starting anything, so that their problems join
     * the config's problem list (for check-config and start-up).
     */
    static void validate(LekwachtConfig config) {
        plain(config);
        followUps(config);
        extractionSettings(config);
    }

    /**
     * The attachment text extractor. It starts parser processes: the caller owns it and must close it
     * when the gateway stops.
     */
    static ContentExtractor extractor(LekwachtConfig config) {
        return new TikaContentExtractor(extractionSettings(config));
    }

    private static ExtractionSettings extractionSettings(LekwachtConfig config) {
        return ExtractionSettings.from(config.detectors().child("extraction"));
    }
}
