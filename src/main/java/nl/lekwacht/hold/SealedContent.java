package nl.lekwacht.hold;

/** Sealed content (held messages, our queued notices) in the store, read one chunk at a time. Thread-safe. */
@FunctionalInterface
public interface SealedContent {

    /** One sealed chunk, or null when there is none with that number (end, or deleted content). */
    byte[] chunk(String contentId, int seq);
}
