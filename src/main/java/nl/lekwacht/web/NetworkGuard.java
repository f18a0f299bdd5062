package nl.lekwacht.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.util.List;
import nl.lekwacht.config.source.Cidr;

/** Lets a request through only from {@code web.admin-networks}. */
public final class NetworkGuard {

    private final List<Cidr> allowed;
    private final ClientAddress clientAddress;

    public NetworkGuard(List<Cidr> allowed, ClientAddress clientAddress) {
        this.allowed = List.copyOf(allowed);
        this.clientAddress = clientAddress;
    }

    public boolean allows(Context ctx) {
        InetAddress client = clientAddress.of(ctx);
        return client != null && allowed.stream().anyMatch(n -> n.contains(client));
    }

    /** @throws ForbiddenResponse for anyone outside the admin networks */
    public void require(Context ctx) {
        if (!allows(ctx)) {
            throw new ForbiddenResponse("Not available from your network");
        }
    }
}
