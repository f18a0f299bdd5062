package nl.lekwacht.config;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Who is "us": the organisation's own mail domains, and the domains that matter when judging
 * recipients.
 *
 * @param internalDomains       mail to and from these is internal; subdomains count too
 * @param consumerDomains       mailbox providers for private persons (gmail.com, ziggo.nl, ...)
 * @param trustedPartnerDomains organisations mailed with a legal basis (suppliers, chain partners)
 */
public record OrganisationConfig(List<String> internalDomains, List<String> consumerDomains,
                                 List<String> trustedPartnerDomains) {

    public static final List<String> DEFAULT_CONSUMER_DOMAINS = List.of(
            "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.nl",
            "live.com", "msn.com", "yahoo.com", "yahoo.nl", "icloud.com", "me.com", "ziggo.nl", "kpnmail.nl",
            "kpnplanet.nl", "planet.nl", "home.nl", "hetnet.nl", "chello.nl", "xs4all.nl", "casema.nl",
            "upcmail.nl", "tele2.nl", "online.nl", "telfort.nl", "quicknet.nl", "zeelandnet.nl", "caiway.nl",
            "gmx.com", "gmx.net", "proton.me", "protonmail.com", "aol.com");

    public OrganisationConfig {
        internalDomains = lower(internalDomains);
        consumerDomains = lower(consumerDomains);
        trustedPartnerDomains = lower(trustedPartnerDomains);
    }

    public boolean isInternal(String address) {
        return matches(domainOf(address), internalDomains);
    }

    public boolean isConsumerDomain(String domain) {
        return matches(normalDomain(domain), consumerDomains);
    }

    public boolean isTrustedPartner(String domain) {
        return matches(normalDomain(domain), trustedPartnerDomains);
    }

    /** The domain of {@code address} in the form every decision compares: see {@link #normalDomain}. */
    public static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : normalDomain(address.substring(at + 1));
    }

    /**
     * One spelling per domain, so that no way of writing it slips past a comparison: lower case, the
     * root's trailing dot dropped ({@code gemeente.example.}), an internationalised name as its ASCII
     * (punycode) form, which also folds full-width letters.
     */
    public static String normalDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.chars().allMatch(c -> c < 0x80)) {
            return d;
        }
        try {
            return IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    private static boolean matches(String domain, List<String> domains) {
        if (domain.isEmpty()) {
            return false;
        }
        for (String candidate : domains) {
            if (domain.equals(candidate) || domain.endsWith("." + candidate)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lower(List<String> domains) {
        return domains.stream().map(OrganisationConfig::normalDomain).filter(d -> !d.isEmpty()).toList();
    }

    static OrganisationConfig read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("internal-domains", "consumer-domains", "trusted-partner-domains"));
        List<String> internal = node.strings("internal-domains", List.of());
        if (internal.isEmpty()) {
            node.problem("internal-domains", "name at least one of the organisation's own mail domains");
        }
        return new OrganisationConfig(internal,
                node.strings("consumer-domains", DEFAULT_CONSUMER_DOMAINS),
                node.strings("trusted-partner-domains", List.of()));
    }
}
