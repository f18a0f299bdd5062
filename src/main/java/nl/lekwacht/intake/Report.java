package nl.lekwacht.intake;

import nl.lekwacht.privacy.BsnMasking;
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
        // the reporter's own words: a resident may well type a BSN into the description
        Map<Question, String> masked = new LinkedHashMap<>();
        answers.forEach((question, answer) -> masked.put(question, BsnMasking.mask(answer)));
        answers = Collections.unmodifiableMap(masked);
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        reporter = reporter == null ? "" : reporter;
    }
}
