package nl.lekwacht.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import nl.lekwacht.config.source.Cidr;

/**
 * The address a request really came from: the socket's peer, or the last X-Forwarded-For hop added
 * by a trusted proxy. Anyone else's X-Forwarded-For is ignored, or a client could pick its own address.
 */
public final class ClientAddress {

    private final List<Cidr> trustedProxies;

    public ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public InetAddress of(Context ctx) {
        InetAddress peer = parse(ctx.req().getRemoteAddr());
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || peer == null || trustedProxies.stream().noneMatch(p -> p.contains(peer))) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        InetAddress claimed = parse(hops[hops.length - 1].trim());
        return claimed == null ? peer : claimed;
    }

    private static InetAddress parse(String literal) {
        if (literal == null || !literal.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
