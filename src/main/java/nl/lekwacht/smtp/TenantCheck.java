package nl.lekwacht.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.lekwacht.config.SmtpConfig;
import nl.lekwacht.config.source.Cidr;
import nl.lekwacht.message.spool.Spool;

/**
 * The Exchange Online tenant check: a client in Microsoft's shared ranges may be any Microsoft 365
 * tenant, so its message is relayed only when Exchange Online stamped it with the organisation's
 * tenant id in {@code X-MS-Exchange-CrossTenant-Id}. Every such field must name the tenant: should a
 * sender have written one of their own, Exchange Online's stamp next to it still tells. Messages
 * from other clients are not looked at. Thread-safe.
 */
final class TenantCheck {

    static final String HEADER = "X-MS-Exchange-CrossTenant-Id";

    /** Why a message was refused, and the tenant ids it carried (empty when none). */
    record Refusal(String reason, List<String> tenants) {

        SmtpReply reply() {
            return tenants.isEmpty()
                    ? SmtpReply.of(550, "5.7.1 Relay access denied: no " + HEADER
                            + " header; Exchange Online mail must come from this organisation's tenant")
                    : SmtpReply.of(550, "5.7.1 Relay access denied: message from another Exchange Online tenant");
        }
    }

    private final Optional<String> tenantId;
    private final List<Cidr> networks;

    TenantCheck(SmtpConfig.ExchangeOnline config) {
        this.tenantId = config.tenantId();
        this.networks = config.networks();
    }

    /** True when {@code client} connects from a network the check applies to. */
    boolean applies(InetAddress client) {
        return tenantId.isPresent() && networks.stream().anyMatch(n -> n.contains(client));
    }

    /** Empty when the message may be relayed: the client is not under the check, or the tenant is ours. */
    Optional<Refusal> refusal(InetAddress client, Spool spool) throws IOException {
        if (!applies(client)) {
            return Optional.empty();
        }
        String[] stamped;
        try (InputStream in = spool.open()) {
            stamped = new InternetHeaders(in, true).getHeader(HEADER);
        } catch (MessagingException e) {
            throw new IOException("unreadable header section", e);
        }
        List<String> tenants = stamped == null ? List.of()
                : Arrays.stream(stamped).map(v -> MimeUtility.unfold(v).trim().toLowerCase(Locale.ROOT)).distinct().toList();
        if (tenants.isEmpty()) {
            return Optional.of(new Refusal("TENANT_MISSING", tenants));
        }
        if (tenants.stream().allMatch(t -> t.equals(tenantId.get()))) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("OTHER_TENANT", tenants));
    }
}
