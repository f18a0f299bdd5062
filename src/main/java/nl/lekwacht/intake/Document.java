package nl.lekwacht.intake;

import nl.lekwacht.privacy.BsnMasking;
import java.time.Instant;

/** A file on an incident, without its bytes: what the list shows. */
public record Document(long id, long incidentId, String fileName, String contentType, long size, String sha256,
                       String uploadedBy, Instant uploadedAt) {

    public Document {
        fileName = BsnMasking.mask(fileName);
    }
}
