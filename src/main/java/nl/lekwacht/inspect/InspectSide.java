package nl.lekwacht.inspect;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.history.HistoryView;
import nl.lekwacht.inspect.content.ContentDetectors;
import nl.lekwacht.inspect.content.UninspectableAttachmentDetector;
import nl.lekwacht.inspect.recipients.MisdirectedRecipientDetector;
import nl.lekwacht.inspect.recipients.MisdirectedRecipientSettings;
import nl.lekwacht.inspect.recipients.NewRecipientWithPersonalDataDetector;
import nl.lekwacht.inspect.recipients.VisibleRecipientsDetector;
import nl.lekwacht.inspect.recipients.VisibleRecipientsSettings;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.extract.ExtractionSettings;
import nl.lekwacht.message.extract.OcrMetrics;
import nl.lekwacht.message.extract.OcrSettings;
import nl.lekwacht.message.extract.TikaContentExtractor;

/**
 * The inspect package's entry: which detectors and which extractor a gateway runs, built from
 * configuration. Each detector family adds its construction here, reading its own settings from the
 * {@code detectors} section (problems go to the config's problem list, so {@code check-config}
 * reports them too).
 */
public final class InspectSide {

    /** The sub-sections of {@code detectors}: a misspelt family name must not be silently ignored. */
    private static final java.util.Set<String> FAMILIES = java.util.Set.of("budget", "extraction", "bsn", "iban",
            "special-category", "visible-recipients", "misdirected-recipient");

    /**
     * Default of {@code detectors.budget}: wall time for everything between the end of data and the
     * decision (MIME parsing, HTML to text, attachment extraction, every detector). Above extraction's
     * own 10 s plus its 30 s queue wait, and far below the 10 minutes an MTA waits for the reply
     * (RFC 5321 4.5.3.2.6), so that next-hop DATA still fits in the client's wait.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(45);

    private InspectSide() {
    }

    /** The plain detectors without correspondence history (scan without a store; config validation). */
    static List<Detector> plain(LekwachtConfig config) {
        return plain(config, HistoryView.EMPTY);
    }

    /**
     * Every detector, the follow-ups after the plain ones.
     *
     * @param history correspondence history for the recipient detectors ({@link HistoryView#EMPTY} without a store)
     */
    public static Inspector inspector(LekwachtConfig config, HistoryView history) {
        return new Inspector(plain(config, history), followUps(config, history));
    }

    /** @param history correspondence history for the recipient detectors (the gateway's HistoryService) */
    static List<Detector> plain(LekwachtConfig config, HistoryView history) {
        List<Detector> detectors = new ArrayList<>();
        // content detectors (BSN, IBAN, special categories, uninspectable attachments) are added here
        detectors.addAll(ContentDetectors.fromConfig(config.detectors()));
        detectors.add(new UninspectableAttachmentDetector());
        // recipient detectors (visible recipients, misdirected) are added here
        detectors.add(new VisibleRecipientsDetector(
                VisibleRecipientsSettings.read(config.detectors().child("visible-recipients")),
                config.organisation(), history));
        detectors.add(new MisdirectedRecipientDetector(
                MisdirectedRecipientSettings.read(config.detectors().child("misdirected-recipient")),
                config.organisation(), history, config.history().learningMessages()));
        return detectors;
    }

    static List<FollowUpDetector> followUps(LekwachtConfig config, HistoryView history) {
        List<FollowUpDetector> detectors = new ArrayList<>();
        // NEW_RECIPIENT_WITH_PERSONAL_DATA is added here
        detectors.add(new NewRecipientWithPersonalDataDetector(config.organisation(), history));
        return detectors;
    }

    /**
     * Reads every detector family's settings without starting anything, so that their problems join
     * the config's problem list (for check-config and start-up).
     */
    public static void validate(LekwachtConfig config) {
        config.detectors().rejectUnknownKeys(FAMILIES);
        plain(config);
        followUps(config, HistoryView.EMPTY);
        extractionSettings(config);
        ocrSettings(config);
        budget(config);
    }

    /** {@code detectors.budget}: the most one message's inspection may take before it is decided without it. */
    public static Duration budget(LekwachtConfig config) {
        Duration budget = config.detectors().duration("budget", DEFAULT_BUDGET);
        if (budget.compareTo(Duration.ofMinutes(5)) > 0) {
            config.detectors().problem("budget", "must be at most 5m: an MTA waits 10 minutes for the reply, "
                    + "and next-hop DATA must still fit in that wait");
            return DEFAULT_BUDGET;
        }
        return budget;
    }

    /**
     * The attachment text extractor. It starts parser processes: the caller owns it and must close it
     * when the gateway stops.
     */
    public static ContentExtractor extractor(LekwachtConfig config) {
        return new TikaContentExtractor(extractionSettings(config), ocrSettings(config));
    }

    /**
     * Exports what the extractor's parser processes did with images ({@code lekwacht_ocr_images_total});
     * an extractor that runs no OCR exports nothing.
     */
    public static void meter(ContentExtractor extractor, MeterRegistry registry) {
        if (extractor instanceof TikaContentExtractor tika) {
            OcrMetrics.register(tika, TikaContentExtractor::ocrCounts, registry);
        }
    }

    /**
     * The extractor of a command that inspects one message ({@code scan}): one parser process, started
     * only when a part needs extraction, whatever {@code prestart} says. The caller closes it.
     */
    public static TikaContentExtractor oneMessageExtractor(LekwachtConfig config) {
        return new TikaContentExtractor(extractionSettings(config).forOneMessage());
    }

    private static OcrSettings ocrSettings(LekwachtConfig config) {
        return OcrSettings.from(config.detectors().child("extraction").child("ocr"));
    }

    private static ExtractionSettings extractionSettings(LekwachtConfig config) {
        return ExtractionSettings.from(config.detectors().child("extraction"));
    }
}
