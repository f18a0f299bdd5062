package nl.lekwacht.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.register.AuditEntry;
import nl.lekwacht.register.IncidentQueries;

/**
 * Documents on incidents: a privacy officer adds a file (within the size limit, of an allowed
 * {@link DocumentTypes type}); it is stored with its uploader and time, and the addition is written to
 * the incident's audit trail in the same transaction. Who may read them is the web side's business
 * (privacy officers only). Thread-safe.
 */
public final class IncidentDocuments {

    /** What became of an upload. */
    public sealed interface Outcome {
        record Added(Document document) implements Outcome { }

        /** Refused; {@code problem} is {@code too-large}, {@code type} or {@code empty}; nothing stored. */
        record Refused(String problem) implements Outcome { }
    }

    private final IncidentQueries incidents;
    private final DocumentStore store;
    private final long maxBytes;
    private final Clock clock;

    public IncidentDocuments(IncidentQueries incidents, DocumentStore store, long maxBytes, Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Adds {@code content} as {@code fileName} to incident {@code incidentId}.
     *
     * @throws IllegalArgumentException when there is no such incident
     */
    public Outcome add(long incidentId, String fileName, byte[] content, String uploader) {
        incidents.find(incidentId).orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId));
        if (content.length == 0) {
            return new Outcome.Refused("empty");
        }
        if (content.length > maxBytes) {
            return new Outcome.Refused("too-large");
        }
        String name = cleanName(fileName);
        Optional<String> type = DocumentTypes.of(name, content);
        if (type.isEmpty()) {
            return new Outcome.Refused("type");
        }
        Instant now = clock.instant();
        Document draft = new Document(0, incidentId, name, type.get(), content.length, Digest.sha256(content),
                uploader, now);
        long id = store.add(draft, content, new AuditEntry(incidentId, now, uploader, "document", "",
                name + " (" + content.length + " bytes)"));
        return new Outcome.Added(new Document(id, incidentId, name, type.get(), content.length, draft.sha256(),
                uploader, now));
    }

    public List<Document> list(long incidentId) {
        return store.list(incidentId);
    }

    public Optional<Document> find(long incidentId, long documentId) {
        return store.find(incidentId, documentId);
    }

    public Optional<byte[]> content(long incidentId, long documentId) {
        return store.content(incidentId, documentId);
    }

    /** The last path segment, without control characters or quotes, at most 200 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
