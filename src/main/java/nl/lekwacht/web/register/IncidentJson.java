package nl.lekwacht.web.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.register.Assessment;
import nl.lekwacht.register.AuditEntry;
import nl.lekwacht.register.Field;
import nl.lekwacht.register.Incident;
import nl.lekwacht.register.MessageFacts;
import nl.lekwacht.text.Texts;

/**
 * The JSON shape of an incident, shared by the API and the export and described by
 * {@code schema/register-export.schema.json}. Field names are a contract: add, never rename.
 */
final class IncidentJson {

    private final Texts texts;

    public IncidentJson(Texts texts) {
        this.texts = texts;
    }

    public Map<String, Object> of(Incident incident, Assessment assessment, List<AuditEntry> audit, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("reference", incident.reference());
        json.put("status", incident.status().name());
        json.put("statusReason", incident.statusReason());
        json.put("origin", incident.origin().name());
        json.put("overdue", incident.overdueAt(now));
        json.put("createdAt", incident.createdAt().toString());
        json.put("updatedAt", incident.updatedAt().toString());
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            String value = incident.answers().get(field);
            if (!value.isEmpty()) {
                answers.put(field.name(), Map.of("value", value, "derived", incident.answers().isDerived(field)));
            }
        }
        json.put("answers", answers);
        json.put("message", incident.message().map(IncidentJson::message).orElse(null));
        json.put("assessment", assessment(assessment));
        if (audit != null) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (AuditEntry e : audit) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("at", e.at().toString());
                entry.put("actor", e.actor());
                entry.put("field", e.field());
                entry.put("oldValue", e.oldValue());
                entry.put("newValue", e.newValue());
                entries.add(entry);
            }
            json.put("audit", entries);
        }
        return json;
    }

    private Map<String, Object> assessment(Assessment a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "ENISA");
        json.put("score", a.score());
        json.put("level", a.level().name());
        json.put("dpc", a.dpc());
        json.put("ei", a.ei());
        json.put("cb", a.cb());
        json.put("reasoning", a.reasons().stream().map(r -> texts.format(r.key(), r.argument())).toList());
        json.put("suggestedReportToAp", a.reportSuggested());
        json.put("suggestedInformSubjects", a.informSuggested());
        json.put("suggestionsOnly", true);
        return json;
    }

    private static Map<String, Object> message(MessageFacts m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("queueId", m.queueId());
        json.put("holdId", m.holdId());
        json.put("messageId", m.messageId());
        json.put("sender", m.sender());
        json.put("subject", m.subject());
        json.put("recipientDomains", m.recipientDomains());
        json.put("recipientCount", m.recipientCount());
        json.put("sentAt", m.sentAt() == null ? null : m.sentAt().toString());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (MessageFacts.FindingFact f : m.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("code", f.code());
            finding.put("severity", f.severity());
            finding.put("where", f.where());
            finding.put("count", f.count());
            finding.put("evidence", f.evidence());
            finding.put("category", f.category());
            findings.add(finding);
        }
        json.put("findings", findings);
        return json;
    }
}
