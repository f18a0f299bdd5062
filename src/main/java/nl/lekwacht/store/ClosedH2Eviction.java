package nl.lekwacht.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * After a failed write (a full disk) H2 closes the whole database, and every pooled connection answers
 * "database has been closed" from then on; with SQL states the pool does not know as fatal, it would
 * hand out those dead connections forever, and the gateway would answer 451 until restarted. Evicting
 * them makes the pool open new connections, and H2 opens the file again once it can be written.
 */
final class ClosedH2Eviction implements SQLExceptionOverride {

    /** H2's DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN and FILE_CORRUPTED_1 (a failed write's aftermath). */
    private static final int[] CLOSED = {90098, 90121, 90030};
    /** H2's GENERAL_ERROR_1, which a failed write of the store raises first. */
    private static final int GENERAL_ERROR = 50000;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (int code : CLOSED) {
            if (e.getErrorCode() == code) {
                return Override.MUST_EVICT;
            }
        }
        if (e.getErrorCode() == GENERAL_ERROR && String.valueOf(e.getMessage()).contains("MVStoreException")) {
            return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }
}
