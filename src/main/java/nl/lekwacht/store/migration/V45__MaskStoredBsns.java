package nl.lekwacht.store.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import nl.lekwacht.privacy.BsnMasking;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Masks the full BSNs that stores of earlier versions kept in plain text: subjects, file names,
 * reasons, audit trails, incident answers and facts, report texts. The same {@link BsnMasking} as the
 * running gateway, so an upgraded store looks as if it had always been masked. Java because the
 * 11-proef is not SQL. Identifiers, addresses and the hashes of link tokens are left alone: the
 * gateway routes and looks up by them. On H2 the file is compacted after the upgrade (see
 * {@code Database}), so the old values do not linger in free pages.
 */
public final class V45__MaskStoredBsns extends BaseJavaMigration {

    /** JSON keys whose values are identifiers or addresses, never free text. */
    private static final Set<String> KEEP = Set.of("queueId", "holdId", "messageId", "sender", "client", "helo",
            "authenticatedUser", "receivedAt", "sentAt", "notifyTo", "address", "code", "severity", "field",
            "contentType");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        maskText(c, "hold_message", "id", "subject", "decision_reason");
        maskJson(c, "hold_message", "id", "details");
        maskText(c, "hold_audit", "id", "detail");
        maskText(c, "register_incident", "id", "status_reason");
        maskJson(c, "register_incident", "id", "facts", "answers");
        maskText(c, "register_audit", "id", "old_value", "new_value");
        maskJson(c, "register_report_link", "token_hash", "facts");
        maskJson(c, "intake_report", "incident_id", "answers");
        maskText(c, "register_document", "id", "file_name");
    }

    private void maskText(Connection c, String table, String key, String... columns) throws SQLException {
        for (String column : columns) {
            rewrite(c, table, key, column, BsnMasking::mask);
        }
    }

    private void maskJson(Connection c, String table, String key, String... columns) throws SQLException {
        for (String column : columns) {
            rewrite(c, table, key, column, this::maskJsonText);
        }
    }

    private void rewrite(Connection c, String table, String key, String column,
                         java.util.function.UnaryOperator<String> masking) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + key + ", " + column + " FROM " + table);
             PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE "
                     + key + " = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(2);
                String masked = value == null ? null : masking.apply(value);
                if (masked != null && !masked.equals(value)) {
                    update.setString(1, masked);
                    update.setObject(2, rs.getObject(1));
                    update.executeUpdate();
                }
            }
        }
    }

    /** Every string in the document masked, except the identifiers; numbers and structure untouched. */
    private String maskJsonText(String text) {
        try {
            JsonNode tree = json.readTree(text);
            return json.writeValueAsString(mask(tree));
        } catch (Exception e) {
            // not JSON after all (edited by hand): mask it as plain text
            return BsnMasking.mask(text);
        }
    }

    private JsonNode mask(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(BsnMasking.mask(node.textValue()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i)));
            }
        } else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!KEEP.contains(field.getKey())) {
                    field.setValue(mask(field.getValue()));
                }
            }
        }
        return node;
    }
}
