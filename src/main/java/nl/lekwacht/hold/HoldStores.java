package nl.lekwacht.hold;

/** Where the hold side keeps its state: holds, their audit trail, sealed content, the delivery queue. */
public record HoldStores(HoldStore holds, HoldAudit audit, SealedContent content, DeliveryJobs jobs) {
}
