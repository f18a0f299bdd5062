package nl.lekwacht.hold;

import java.util.Set;
import nl.lekwacht.inspect.FindingCode;

/**
 * Told when a message is sent despite findings whose override, by configuration
 * ({@code policy.incident-on-override}), must be recorded as an incident. The register implements it.
 * Called after the decision is stored, on the deciding thread; must not throw.
 */
@FunctionalInterface
public interface OverrideListener {

    OverrideListener NONE = (hold, codes, actor, reason) -> { };

    /**
     * @param hold   the hold as it was when decided
     * @param codes  the overridden codes that open an incident (never empty)
     * @param actor  {@code link} or the admin's user name
     * @param reason the reason the sender gave, empty when none
     */
    void overridden(HeldMessage hold, Set<FindingCode> codes, String actor, String reason);
}
