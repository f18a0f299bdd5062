package nl.lekwacht.intake;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the report forms count a client by: an IPv4 address itself (/32), an IPv6 address by its /64,
 * the smallest network a provider hands out, so that one client cannot step through its own
 * addresses to get past the limit. Stateless.
 */
final class ClientPrefix {

    private ClientPrefix() {
    }

    /** {@code 192.0.2.7}, {@code 2001:db8:1:2::/64}; anything not an address literal is taken as it is. */
    static String of(String client) {
        if (client == null || client.isEmpty() || !(client.indexOf(':') >= 0 || client.matches("[0-9.]+"))) {
            return client == null ? "" : client;
        }
        try {
            // a literal: no name lookup happens
            InetAddress address = InetAddress.getByName(client);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return client;
        }
    }
}
