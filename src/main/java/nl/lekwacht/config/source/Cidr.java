package nl.lekwacht.config.source;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a /32 or
 * /128. An IPv4-mapped IPv6 client address matches the IPv4 network it maps to.
 */
public record Cidr(byte[] network, int prefixLength, String text) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        network = network.clone();
    }

    /** @throws IllegalArgumentException with a message fit for a config problem */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!addressPart.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address or network: '" + text + "'");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(addressPart).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address or network: '" + text + "'");
        }
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'");
            }
            if (prefix < 0 || prefix > maxPrefix) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
        }
        return new Cidr(address, prefix, trimmed);
    }

    public boolean contains(InetAddress candidate) {
        byte[] bytes = unmapped(candidate.getAddress());
        if (bytes.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xFF || address[11] != (byte) 0xFF) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
