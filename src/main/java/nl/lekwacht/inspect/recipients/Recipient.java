package nl.lekwacht.inspect.recipients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.history.AddressKey;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.message.VisibleRecipient;

/**
 * One external recipient of a message as the recipient detectors see it.
 *
 * @param key         {@link AddressKey} of the address
 * @param address     the address as written
 * @param displayName display name from To/Cc, empty when none or Bcc
 * @param field       {@code To}, {@code Cc} or {@code Bcc} (envelope only)
 */
record Recipient(String key, String address, String displayName, String field) {

    /** External envelope recipients of the message, distinct, with their names from To/Cc. */
    static List<Recipient> external(OutboundMessage message, OrganisationConfig organisation) {
        String sender = AddressKey.of(message.envelope().sender());
        Map<String, VisibleRecipient> visible = new LinkedHashMap<>();
        for (VisibleRecipient v : message.visibleRecipients()) {
            visible.putIfAbsent(AddressKey.of(v.address()), v);
        }
        Map<String, Recipient> result = new LinkedHashMap<>();
        for (String address : message.envelope().recipients()) {
            String key = AddressKey.of(address);
            if (key.isEmpty() || key.equals(sender) || organisation.isInternal(key) || result.containsKey(key)) {
                continue;
            }
            VisibleRecipient v = visible.get(key);
            result.put(key, v == null ? new Recipient(key, address, "", "Bcc")
                    : new Recipient(key, address, v.mailAddress().displayName(), v.field()));
        }
        return new ArrayList<>(result.values());
    }
}
