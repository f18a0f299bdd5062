package nl.lekwacht.hold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import nl.lekwacht.flow.Screened;
import nl.lekwacht.flow.Screener;
import nl.lekwacht.message.spool.Spool;

/**
 * Carries out a correction's plan on a held message's content: To/Cc rewritten, withheld attachments
 * spliced out, and the result screened again as if it had just arrived, with the corrected envelope,
 * so that what leaves is judged on what it is and not on what it was. The corrected content is built
 * in memory (held messages are bounded by the relay's size limit) and sealed by the caller in the
 * decision's transaction. Thread-safe.
 */
final class CorrectedMessage {

    /** The corrected content, its screening, and the part ids that were taken out. */
    record Result(byte[] content, Screened screened, Set<String> withheld) {
    }

    private final ContentCipher cipher;
    private final SealedContent sealed;
    private final Screener screener;
    private final byte[] withheldPart;

    /** @param withheldPart the text part put in place of each withheld attachment */
    CorrectedMessage(ContentCipher cipher, SealedContent sealed, Screener screener, byte[] withheldPart) {
        this.cipher = cipher;
        this.sealed = sealed;
        this.screener = screener;
        this.withheldPart = withheldPart.clone();
    }

    Result apply(HeldMessage hold, Correction.Plan plan) throws IOException {
        byte[] content;
        Set<String> withheld;
        try (InputStream original = cipher.open(hold.id(), sealed::chunk)) {
            InputStream in = plan.addresses().isEmpty() ? original
                    : new RecipientFieldRewrite(plan.addresses()).rewrite(original);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                    hold.size() + 1024));
            if (plan.withheld().isEmpty()) {
                in.transferTo(out);
                withheld = Set.of();
            } else {
                withheld = new AttachmentSplice(withheldPart).splice(in, out, plan.withheld());
            }
            content = out.toByteArray();
        }
        Screened screened = screener.screen(HoldRecords.envelope(hold, plan.recipients()), Spool.ofBytes(content));
        return new Result(content, screened, withheld);
    }
}
