package nl.lekwacht.register;

/**
 * Told once when Lekwacht opened a new incident by itself (not for a second call about the same
 * message, not for manual incidents), so the privacy officer learns of it before the deadline.
 * Must not throw; must be quick or hand the work off.
 */
@FunctionalInterface
interface Announcer {

    Announcer NONE = incident -> { };

    void opened(Incident incident);
}
