package nl.lekwacht.inspect.recipients;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.history.Correspondent;
import nl.lekwacht.history.Derived;
import nl.lekwacht.history.OrganisationHistory;
import nl.lekwacht.history.SenderHistory;
import nl.lekwacht.inspect.recipients.Resemblance.Reason;
import nl.lekwacht.message.OutboundMessage;

/**
 * The autocomplete slip told apart by what the message says about whom it is for. A recipient the
 * sender never or rarely mailed, that the client could have completed from what the sender typed for
 * a correspondent they mail often ({@link CompletionMatch}), is a slip when the message belongs to that
 * correspondent: it continues their thread ({@link ThreadContext}), its other recipients are the ones
 * usually copied with them ({@link CoRecipients}), or the completion is close (a shared first name or
 * the first {@code completion-prefix} characters) and the recipient was never mailed or not for months
 * while the correspondent was mailed lately. A reply in the recipient's own thread, or with the people
 * the recipient was mailed with, is never a slip.
 *
 * <p>Without context, a shared stem is evidence of a completion only when it is distinctive: when more
 * than {@link #COMMON_STEM} addresses in the organisation's address book start with the shared letters
 * or the shared first name ({@code jan.}, {@code maria}), a new address starting so is most likely just
 * another person with a common name, as new correspondents are every week. Pure and thread-safe.
 */
final class CompletionSlipRule {

    private final MisdirectedRecipientSettings settings;

    CompletionSlipRule(MisdirectedRecipientSettings settings) {
        this.settings = settings;
    }

    /** @return the resemblance, or null when the message gives no reason to think another was meant */
    Resemblance find(Recipient r, List<Recipient> all, SenderHistory own, OrganisationHistory everyone,
                     OutboundMessage message) {
        long sent = own.messagesTo(r.key());
        if (sent > settings.rareMessages() || "Bcc".equals(r.field()) || all.size() > AutocompleteRule.MAX_TYPED_RECIPIENTS) {
            return null;
        }
        ThreadContext thread = ThreadContext.of(message, own);
        if (thread.includes(r.key()) || sent > 0 && CoRecipients.usuallyWith(r.key(), r, all, own)) {
            return null;
        }
        Instant now = message.envelope().receivedAt();
        boolean stale = sent == 0 || own.correspondent(r.key()).map(c -> c.lastSent().isBefore(now.minus(STALE)))
                .orElse(true);
        long needed = Math.max(settings.completionMessages(), 2 * sent + 1);
        Correspondent best = null;
        String why = null;
        int bestRank = 0;
        AddressBookStems book = null;
        for (Correspondent c : own.correspondents()) {
            if (c.messages() < needed || c.address().equals(r.key()) || sameName(r.key(), c.address())) {
                continue;
            }
            CompletionMatch match = CompletionMatch.of(r.key(), r.displayName(), c.address(), c.displayNames());
            if (!match.atLeast(MIN_PREFIX)) {
                continue;
            }
            boolean inThread = thread.includes(c.address());
            boolean copied = CoRecipients.usuallyWith(c.address(), r, all, own);
            boolean close = match.atLeast(settings.completionPrefix());
            boolean recent = sent == 0 || !c.lastSent().isBefore(now.minus(RECENT));
            int rank = inThread || copied ? 3 : 0;
            if (rank == 0 && close && stale && recent) {
                book = book != null ? book : everyone.derived(STEMS);
                rank = distinctive(r.key(), match, book) ? 2 : 0;
            }
            if (rank > bestRank || rank == bestRank && rank > 0 && c.messages() > best.messages()) {
                best = c;
                bestRank = rank;
                why = inThread ? "the message continues a thread with " + c.address()
                        : copied ? "the other recipients are the ones you copy with " + c.address()
                        : (match.firstName().isEmpty() ? "it starts like " + c.address()
                        : "it has the first name of " + c.address()) + ", whom you mail often and lately"
                        + (sent == 0 ? "; you never mailed " + r.key() : "; you last mailed " + r.key() + " months ago");
            }
        }
        if (best == null) {
            return null;
        }
        return new Resemblance(r.key(), best.address(), Reason.AUTOCOMPLETE, r.key() + " may be an autocomplete slip for "
                + best.address() + ": " + why, "sender", bestRank == 3 ? "context" : WITHOUT_CONTEXT);
    }

    /**
     * True when the stem the recipient shares with the correspondent (the shared first characters when
     * they are enough on their own, the first name when it is shared) starts few known addresses; the
     * more specific of the two decides.
     */
    private boolean distinctive(String recipient, CompletionMatch match, AddressBookStems book) {
        int sharing = Integer.MAX_VALUE;
        if (match.prefix() >= settings.completionPrefix()) {
            sharing = book.startingWith(AddressKey.localPart(recipient).substring(0, match.prefix()));
        }
        if (!match.firstName().isEmpty()) {
            sharing = Math.min(sharing, book.lettersStartingWith(PersonName.letters(match.firstName())));
        }
        return sharing <= COMMON_STEM;
    }

    /**
     * The same local part elsewhere, or one that differs only in digits ({@code ahmed2000}, {@code ahmed2002}),
     * is another mailbox of the same name, which the spelling rules judge; completion says nothing more.
     */
    private static boolean sameName(String recipient, String known) {
        return PersonName.letters(AddressKey.localPart(recipient)).equals(PersonName.letters(AddressKey.localPart(known)));
    }

    /** The score of a completion the message gives no context for: the weaker signal. */
    static final String WITHOUT_CONTEXT = "completion";

    /**
     * More known addresses than this starting with a stem make it common. An absolute count, not a share:
     * a short list under what the sender typed is what makes a wrong line stand out. Eight is above
     * the at most 6 of its 272 history addresses that the shared first letters of organisation B's dev
     * slips start; organisation A draws its people's first names from 80, so there each is common.
     */
    static final int COMMON_STEM = 8;

    private static final Derived<OrganisationHistory, AddressBookStems> STEMS = AddressBookStems::new;
    private static final int MIN_PREFIX = 3;
    private static final Duration STALE = Duration.ofDays(60);
    private static final Duration RECENT = Duration.ofDays(30);
}
