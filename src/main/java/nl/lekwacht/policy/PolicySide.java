package nl.lekwacht.policy;

import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.inspect.InspectSide;
import nl.lekwacht.inspect.Inspector;
import nl.lekwacht.message.ContentExtractor;
import nl.lekwacht.message.MessageParser;

/**
 * The policy package's entry: the policy settings read from the raw {@code policy} section, and the
 * parse-extract-inspect-decide chain the relay and {@code scan} run.
 */
public final class PolicySide {

    private static final int MAX_BODY_CHARS = 20 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private PolicySide() {
    }

    /** The policy settings; their problems join the configuration's problem list. */
    public static PolicySettings settings(LekwachtConfig config) {
        return PolicySettings.read(config.policy());
    }

    /**
     * @param holdingAvailable false when this gateway cannot hold mail; every HOLD then takes the fallback
     */
    public static Screener screener(LekwachtConfig config, ContentExtractor extractor, Inspector inspector,
                                    boolean holdingAvailable) {
        Policy policy = new Policy(settings(config), config.organisation(), holdingAvailable);
        return new Screening(new MessageParser(MAX_BODY_CHARS, MAX_PARTS), extractor, inspector, policy,
                InspectSide.budget(config));
    }
}
