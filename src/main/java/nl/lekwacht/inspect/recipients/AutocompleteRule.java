package nl.lekwacht.inspect.recipients;

import java.util.List;
import java.util.Locale;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.Derived;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.inspect.recipients.Resemblance.Reason;

/**
 * The autocomplete pattern: a recipient typed into To or Cc that the sender never or rarely mails,
 * starting with the same characters as correspondents the sender mails often, when few other
 * addresses start that way. Pure and thread-safe.
 *
 * <p>The score weighs two explanations of the recipient. Either the sender meant it: a new contact
 * from the shared address book, any of its addresses about equally likely (or, for a rarely mailed
 * correspondent, as likely as its share of the sender's mail). Or the sender typed the first one to
 * three characters of a correspondent they mail, and picked a wrong line among the addresses the
 * client offered for them: likely in proportion to how often the sender mails that prefix, and
 * inversely to how many addresses share it. The score is the ratio of the two; a recipient that
 * starts like the sender's daily correspondent with "ja" is no evidence when a tenth of the address
 * book starts with "ja", and strong evidence when only three addresses do.
 */
final class AutocompleteRule {

    /** Autocomplete fills in addresses typed one by one, not pasted lists. */
    static final int MAX_TYPED_RECIPIENTS = 5;

    private static final Derived<OrganisationHistory, AddressBookPrefixes> ADDRESS_BOOK = AddressBookPrefixes::new;

    private final MisdirectedRecipientSettings settings;
    private final Derived<SenderHistory, AutocompleteIndex> senderIndex;

    AutocompleteRule(MisdirectedRecipientSettings settings) {
        this.settings = settings;
        int frequent = settings.frequentMessages();
        int rare = settings.rareMessages();
        this.senderIndex = h -> new AutocompleteIndex(h, frequent, rare);
    }

    /** @return the resemblance, or null when the recipient does not look like an autocomplete slip */
    Resemblance find(Recipient r, List<Recipient> all, SenderHistory own, OrganisationHistory everyone) {
        long sent = own.messagesTo(r.key());
        if (sent > settings.rareMessages() || "Bcc".equals(r.field()) || all.size() > MAX_TYPED_RECIPIENTS) {
            return null;
        }
        // A client offers an address it never sent to only from a shared address book: one somebody in the
        // organisation mails. A brand-new address was typed in full, so it is no autocomplete slip.
        if (sent == 0 && !everyone.knowsAddress(r.key())) {
            return null;
        }
        for (Recipient other : all) {
            if (!other.key().equals(r.key()) && own.seenTogether(r.key(), other.key())) {
                return null;
            }
        }
        AutocompleteIndex index = own.derived(senderIndex);
        AddressBookPrefixes book = everyone.derived(ADDRESS_BOOK);
        String local = AddressKey.localPart(r.key());
        long needed = Math.max(settings.frequentMessages(), settings.frequencyRatio() * Math.max(1, sent));
        double score = 0;
        Correspondent suggestion = null;
        int shared = 0;
        for (int p = 1; p <= Math.min(AutocompleteIndex.MAX_PREFIX, local.length()); p++) {
            String typed = local.substring(0, p);
            AutocompleteIndex.Prefix prefix = index.prefix(typed);
            long others = prefix.messages() - sent;
            if (others <= 0) {
                break;
            }
            // slip: sender types this prefix (share of mail), picks this line among those offered
            double offered = sent == 0 ? book.count(typed) : Math.max(1, prefix.rare());
            double slip = (double) others / index.messages() / AutocompleteIndex.MAX_PREFIX / offered;
            // meant: a new contact from the whole address book, or a rare correspondent at its own rate
            double meant = sent == 0 ? 1.0 / book.size() : (double) sent / index.messages();
            score += slip / meant;
            Correspondent c = prefix.frequent();
            if (c != null && !c.address().equals(r.key()) && c.messages() >= needed) {
                suggestion = c;
                shared = p;
            }
        }
        if (suggestion == null || score < (sent == 0 ? settings.autocompleteScore() : settings.rareAutocompleteScore())) {
            return null;
        }
        boolean context = false;
        for (Recipient other : all) {
            context |= !other.key().equals(r.key()) && own.seenTogether(suggestion.address(), other.key());
        }
        return new Resemblance(r.key(), suggestion.address(), Reason.AUTOCOMPLETE, r.key() + " starts like "
                + suggestion.address() + ", whom you mail far more often; " + book.count(local.substring(0, shared))
                + " of " + book.size() + " known addresses start with \"" + local.substring(0, shared) + "\""
                + (sent == 0 ? "; you never mailed " + r.key() : "")
                + (context ? "; the other recipients usually get mail with " + suggestion.address() : ""),
                "sender", String.format(Locale.ROOT, "%.1f", score) + (context ? "/context" : ""));
    }
}
