package io.netlink4j.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address helpers shared by the value types and the codec. */
final class Addresses {
    private Addresses() {}

    /** The address as the 16-byte {@code union nf_inet_addr} IPVS sends (IPv4 in the first 4 bytes). */
    static byte[] toWire(InetAddress address) {
        byte[] out = new byte[16];
        byte[] raw = address.getAddress();
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }

    /** An address from {@code length} raw bytes (4 or 16). */
    static InetAddress fromBytes(byte[] raw) {
        try {
            // getByAddress with a 16-byte IPv4-mapped address would return an Inet4Address: keep IPv6 as IPv6.
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }

    /** "1.2.3.4:80" or "[2001:db8::1]:80", in the compressed form ipvsadm prints. */
    static String format(InetAddress address, int port) {
        return address instanceof Inet6Address ? "[" + compress(address) + "]:" + port : address.getHostAddress() + ":" + port;
    }

    /** RFC 5952 text of an address (IPv6 compressed; Java's own form does not compress). */
    static String compress(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
