package nl.lekwacht.intake;

import java.util.List;
import java.util.Optional;
import nl.lekwacht.register.AuditEntry;

/** Where documents on incidents are kept. */
public interface DocumentStore {

    /** Stores {@code document} (its id is ignored) with its bytes and the audit entry, together; returns its id. */
    long add(Document document, byte[] content, AuditEntry audit);

    /** The documents of one incident, oldest first. */
    List<Document> list(long incidentId);

    Optional<Document> find(long incidentId, long documentId);

    Optional<byte[]> content(long incidentId, long documentId);
}
