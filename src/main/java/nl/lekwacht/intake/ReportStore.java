package nl.lekwacht.intake;

import java.util.Optional;

/** Where reports (answers and contact details) are kept, one per incident. */
public interface ReportStore {

    void save(Report report);

    Optional<Report> find(long incidentId);
}
