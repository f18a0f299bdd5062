package nl.lekwacht.flow;

/**
 * Told about every message the next hop accepted, after the client got its 250: the history learns
 * from it, the register opens an incident when the verdict says so. Must not throw; must be quick or
 * hand work off, since the client session waits for nothing but shares the thread.
 */
@FunctionalInterface
public interface DeliveryObserver {

    void delivered(Delivered delivered);
}
