package nl.lekwacht.inspect.recipients;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.lekwacht.config.source.ConfigNode;

/**
 * Settings of {@code detectors.misdirected-recipient}.
 *
 * @param enabled              run the detector at all
 * @param localOneEditFrom     local parts this long (or longer) may differ by one edit and still resemble
 * @param localTwoEditsFrom    ... by two edits
 * @param domainOneEditFrom    domain names (without top-level domain) this long may differ by one edit
 * @param domainTwoEditsFrom   ... by two edits
 * @param minSharedLocalPart   a local part shorter than this at another domain is not taken as the same person
 * @param genericLocalParts    local parts many organisations share ({@code info}, {@code secretariaat}),
 *                             never taken as the same person
 * @param organisationWide     also compare with addresses only colleagues have mailed
 * @param autocomplete         score the autocomplete pattern
 * @param frequentMessages     a correspondent mailed at least this often is one autocomplete offers first
 * @param frequencyRatio       ... and at least this many times more often than the recipient
 * @param rareMessages         a recipient the sender mailed at most this often may still be an autocomplete slip
 * @param autocompleteScore    an address the sender never mailed is an autocomplete slip from this score on:
 *                             how many times likelier the slip is than a deliberate new contact from the
 *                             address book (see {@code AutocompleteRule})
 * @param rareAutocompleteScore the same for a rarely mailed correspondent
 * @param completionMessages   a correspondent mailed at least this often can be the one meant when the message
 *                             belongs to them (its thread, its usual copies; see {@code CompletionSlipRule})
 * @param completionPrefix     without such context, this many shared first characters (or a shared first name)
 *                             make a completion close enough
 */
public record MisdirectedRecipientSettings(boolean enabled, int localOneEditFrom, int localTwoEditsFrom,
                                           int domainOneEditFrom, int domainTwoEditsFrom, int minSharedLocalPart,
                                           Set<String> genericLocalParts, boolean organisationWide,
                                           boolean autocomplete, int frequentMessages, int frequencyRatio,
                                           int rareMessages, double autocompleteScore, double rareAutocompleteScore,
                                           int completionMessages, int completionPrefix) {

    public static final List<String> DEFAULT_GENERIC = List.of("info", "contact", "post", "mail", "office", "admin",
            "administratie", "secretariaat", "receptie", "support", "service", "klantenservice", "helpdesk",
            "noreply", "no-reply", "team", "hallo", "hello", "sales", "verkoop", "finance", "facturen",
            "factuur", "boekhouding", "hr", "personeelszaken", "privacy", "fg", "juridisch", "planning",
            "inkoop", "communicatie", "pers", "webmaster", "postmaster", "abuse", "billing", "invoice");

    public MisdirectedRecipientSettings {
        genericLocalParts = Set.copyOf(genericLocalParts);
    }

    public static MisdirectedRecipientSettings defaults() {
        return read(ConfigNode.empty());
    }

    public static MisdirectedRecipientSettings read(ConfigNode node) {
        node.rejectUnknownKeys(Set.of("enabled", "local-one-edit-from", "local-two-edits-from",
                "domain-one-edit-from", "domain-two-edits-from", "min-shared-local-part", "generic-local-parts",
                "organisation-wide", "autocomplete", "frequent-messages", "frequency-ratio", "rare-messages",
                "autocomplete-score", "rare-autocomplete-score", "completion-messages", "completion-prefix"));
        int localOne = node.integer("local-one-edit-from", 5, 2, 100);
        int localTwo = node.integer("local-two-edits-from", 9, 2, 100);
        if (localTwo < localOne) {
            node.problem("local-two-edits-from", "must not be below local-one-edit-from (" + localOne + ")");
        }
        int domainOne = node.integer("domain-one-edit-from", 5, 2, 100);
        int domainTwo = node.integer("domain-two-edits-from", 10, 2, 100);
        if (domainTwo < domainOne) {
            node.problem("domain-two-edits-from", "must not be below domain-one-edit-from (" + domainOne + ")");
        }
        return new MisdirectedRecipientSettings(node.bool("enabled", true), localOne, localTwo, domainOne, domainTwo,
                node.integer("min-shared-local-part", 5, 1, 100),
                Set.copyOf(node.strings("generic-local-parts", DEFAULT_GENERIC).stream()
                        .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList()),
                node.bool("organisation-wide", true), node.bool("autocomplete", true),
                node.integer("frequent-messages", 10, 1, 1_000_000),
                node.integer("frequency-ratio", 10, 1, 1_000_000),
                node.integer("rare-messages", 2, 0, 1_000_000),
                node.decimal("autocomplete-score", 0.8, 0, 1e9),
                node.decimal("rare-autocomplete-score", 30, 0, 1e9),
                node.integer("completion-messages", 5, 1, 1_000_000),
                node.integer("completion-prefix", 4, 1, 64));
    }
}
