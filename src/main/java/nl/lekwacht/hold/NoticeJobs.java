package nl.lekwacht.hold;

import java.time.Instant;
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
        String id = UUID.randomUUID().toString();
        return new HoldStore.NewJob(new DeliveryJob(id, DeliveryJob.Kind.NOTICE, hold.id(), id,
                DeliveryJob.NO_REWRITE, notifyFrom, hold.details().notifyTo(), 0, now), now,
                cipher.seal(id, message));
    }
}
