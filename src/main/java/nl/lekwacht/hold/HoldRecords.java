package nl.lekwacht.hold;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.lekwacht.config.OrganisationConfig;
import nl.lekwacht.hold.HoldDetails.StoredFinding;
import nl.lekwacht.inspect.Finding;
import nl.lekwacht.inspect.FindingCode;
import nl.lekwacht.inspect.Severity;
import nl.lekwacht.message.Envelope;
import nl.lekwacht.message.MailAddress;
import nl.lekwacht.message.OutboundMessage;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Verdict;

/** Turns a screened message into what the store keeps, and what the store kept back into an envelope and verdict. */
final class HoldRecords {

    private final OrganisationConfig organisation;

    HoldRecords(OrganisationConfig organisation) {
        this.organisation = organisation;
    }

    HeldMessage newHold(Screened screened, String tokenHash, boolean eightBit, boolean signed, boolean delayed,
                        long size, Instant now,
                        Instant expires) {
        OutboundMessage message = screened.message();
        Envelope envelope = message.envelope();
        List<StoredFinding> findings = screened.verdict().findings().stream()
                .map(f -> new StoredFinding(f.code().name(), f.severity().name(), f.where(), f.part(), f.count(), f.evidence(),
                        f.message(), f.details()))
                .toList();
        List<HoldDetails.Visible> visible = message.visibleRecipients().stream()
                .map(v -> new HoldDetails.Visible(v.address(), personal(v.mailAddress()), v.field(),
                        organisation.isInternal(v.address())))
                .toList();
        List<HoldDetails.AttachmentInfo> attachments = message.attachments().stream()
                .map(a -> new HoldDetails.AttachmentInfo(a.partId(), a.name(), a.contentType(), a.encodedSize())).toList();
        HoldDetails details = new HoldDetails(envelope.queueId(), envelope.client().getHostAddress(), envelope.helo(),
                envelope.authenticatedUser().orElse(""), envelope.receivedAt(), notifyTo(envelope,
                message.headers().sender()), eightBit, findings, screened.verdict().reasons(), visible, attachments,
                signed, delayed);
        return new HeldMessage(envelope.queueId(), tokenHash, HoldStatus.PENDING, envelope.sender(),
                envelope.recipients(), message.headers().subject(), size, details, now, expires, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The envelope sender, and the Sender: address when it differs and is internal; never an outside address. */
    private List<String> notifyTo(Envelope envelope, Optional<MailAddress> headerSender) {
        List<String> to = new ArrayList<>();
        if (!envelope.isNullSender() && organisation.isInternal(envelope.sender())) {
            to.add(envelope.sender());
        }
        headerSender.map(MailAddress::address).filter(organisation::isInternal)
                .filter(a -> to.stream().noneMatch(x -> x.equalsIgnoreCase(a)))
                .ifPresent(to::add);
        return to;
    }

    /** The envelope of the receiving transaction, with the recipients of this release. */
    static Envelope envelope(HeldMessage hold, List<String> recipients) {
        HoldDetails d = hold.details();
        InetAddress client;
        try {
            client = InetAddress.getByName(d.client());
        } catch (UnknownHostException e) {
            client = InetAddress.getLoopbackAddress();
        }
        return new Envelope(d.queueId(), hold.sender(), recipients, client, d.helo(),
                d.authenticatedUser().isEmpty() ? Optional.empty() : Optional.of(d.authenticatedUser()), d.receivedAt());
    }

    /** The verdict as the trace header shows it: HOLD (or DELAY) with the codes found. */
    static Verdict verdict(HeldMessage hold) {
        List<Finding> findings = new ArrayList<>();
        for (StoredFinding f : hold.details().findings()) {
            try {
                findings.add(new Finding(FindingCode.valueOf(f.code()), Severity.valueOf(f.severity()), f.where(),
                        f.part(), f.count(), f.evidence(), f.message(), f.details()));
            } catch (IllegalArgumentException e) {
                // a code from a newer version: leave it out of the trace header
            }
        }
        return new Verdict(hold.details().delayed() ? Verdict.Action.DELAY : Verdict.Action.HOLD,
                hold.details().reasons(), findings, false);
    }

    private static String personal(MailAddress address) {
        return address.displayName();
    }
}
