package nl.lekwacht.hold;

/**
 * Where the hold side keeps its state: holds, their audit trail, sealed content, the delivery queue, and
 * what is kept of ended holds.
 */
public record HoldStores(HoldStore holds, HoldAudit audit, SealedContent content, DeliveryJobs jobs,
                         NearMissLog nearMisses) {

    public HoldStores(HoldStore holds, HoldAudit audit, SealedContent content, DeliveryJobs jobs) {
        this(holds, audit, content, jobs, NearMissLog.NONE);
    }
}
