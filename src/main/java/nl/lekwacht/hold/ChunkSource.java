package nl.lekwacht.hold;

import java.io.IOException;

/** Sealed chunks of one content, in order, produced as they are read (never the whole message at once). */
@FunctionalInterface
public interface ChunkSource {

    /** The next sealed chunk, or null after the last. */
    byte[] next() throws IOException;
}
