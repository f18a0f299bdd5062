package nl.lekwacht.intake;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.lekwacht.register.Origin;

/**
 * A report as filed through a report form, kept next to its incident: the answers exactly as typed
 * and the reporter's contact details. The contact details live only here, never in the incident's AP
 * answers, so no export of the AP form carries them.
 *
 * @param incidentId the incident the report opened
 * @param origin     {@link Origin#RESIDENT} or {@link Origin#STAFF}
 * @param answers    answer per question, verbatim; unanswered questions absent
 * @param phone      phone number for a call back, or empty
 * @param email      e-mail address for a call back, or empty
 * @param reporter   the login name of a staff reporter, or empty
 */
public record Report(long incidentId, Origin origin, Map<Question, String> answers, String phone, String email,
                     String reporter, Instant createdAt) {

    public Report {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        reporter = reporter == null ? "" : reporter;
    }
}
