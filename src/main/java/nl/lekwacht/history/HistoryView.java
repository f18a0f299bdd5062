package nl.lekwacht.history;

/**
 * Read access to correspondence history for the detectors: immutable snapshots, so a detector reads
 * a consistent picture without locks or I/O of its own.
 *
 * <p>Contract: thread-safe; returns quickly (the service serves snapshots from memory and refreshes
 * them in the background); never returns null.
 */
public interface HistoryView {

    /** History of one internal sender; an empty history when the sender never mailed outside. */
    SenderHistory sender(String senderAddress);

    /** Every external address and domain the organisation has mailed. */
    OrganisationHistory organisation();

    /** A view with no history at all, for scans without a store. */
    HistoryView EMPTY = new HistoryView() {
        @Override
        public SenderHistory sender(String senderAddress) {
            return SenderHistory.empty(AddressKey.of(senderAddress));
        }

        @Override
        public OrganisationHistory organisation() {
            return OrganisationHistory.EMPTY;
        }
    };
}
