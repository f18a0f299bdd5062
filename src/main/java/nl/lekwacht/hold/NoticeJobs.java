package nl.lekwacht.hold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Queues one of our notices about a hold: its own sealed content and a NOTICE job to its notify list. */
final class NoticeJobs {

    private final ContentCipher cipher;
    private final String notifyFrom;

    NoticeJobs(ContentCipher cipher, String notifyFrom) {
        this.cipher = cipher;
        this.notifyFrom = notifyFrom;
    }

    HoldStore.NewJob notice(HeldMessage hold, byte[] message, Instant now) {
        return notice(hold, message, hold.details().notifyTo(), now);
    }

    /** A notice to {@code to} instead of the hold's notify list (the delegate). */
    HoldStore.NewJob notice(HeldMessage hold, byte[] message, List<String> to, Instant now) {
        String id = UUID.randomUUID().toString();
        return new HoldStore.NewJob(new DeliveryJob(id, DeliveryJob.Kind.NOTICE, hold.id(), id,
                DeliveryJob.NO_REWRITE, notifyFrom, to, 0, now), now, cipher.seal(id, message));
    }
}
