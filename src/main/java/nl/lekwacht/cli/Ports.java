package nl.lekwacht.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.lekwacht.Gateway;
import nl.lekwacht.config.LekwachtConfig;
import nl.lekwacht.config.source.HostPort;

/**
 * Starts the gateway and, when a listening address is taken, says which one and by which key, instead
 * of a bare "Address already in use".
 */
final class Ports {

    private Ports() {
    }

    static Gateway start(LekwachtConfig config, Clock clock) throws IOException, GeneralSecurityException {
        try {
            return Gateway.start(config, clock);
        } catch (IOException | RuntimeException e) {
            if (!causedByBind(e)) {
                throw e;
            }
            List<String> busy = busy(config);
            throw new IllegalStateException((busy.isEmpty() ? "an address to listen on is in use"
                    : String.join("; ", busy)) + " (another Lekwacht or another server is running there)", e);
        }
    }

    /** The configured listening addresses that cannot be bound now, each with its key. */
    static List<String> busy(LekwachtConfig config) {
        List<String> busy = new ArrayList<>();
        check(busy, "smtp.listen", config.smtp().listen());
        check(busy, "web.listen", config.web().listen());
        return busy;
    }

    private static void check(List<String> busy, String key, HostPort address) {
        if (address.port() != 0 && inUse(address.host(), address.port())) {
            busy.add(key + " " + address.host() + ":" + address.port() + " is in use");
        }
    }

    /** True when {@code host:port} cannot be bound now (another server listens there). */
    static boolean inUse(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
