// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkDecodeException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the lines of the kernel's connection listings: {@code /proc/net/ip_vs_conn}
 * ({@code Pro FromIP FPrt ToIP TPrt DestIP DPrt State Expires [PEName PEData]}) and
 * {@code ip_vs_conn_sync} ({@code ... State Origin Expires}). Addresses are hexadecimal (IPv4,
 * eight digits) or colon-separated groups (IPv6), ports four hexadecimal digits, expiry decimal
 * seconds.
 */
final class ConnectionTable {
    private ConnectionTable() {}

    /** Whether {@code line} is a listing's header line. */
    static boolean isHeader(String line) {
        return line.startsWith("Pro ");
    }

    /**
     * The entry of one line.
     *
     * @param sync whether the line is from ip_vs_conn_sync
     * @throws NetlinkDecodeException naming the line, for anything malformed
     */
    static IpvsConnection parse(String line, boolean sync) {
        String[] t = line.strip().split("[ \\t]+");
        try {
            int expected = sync ? 10 : 9;
            if (t.length < expected || (sync && t.length != 10) || (!sync && t.length != 9 && t.length < 11)) {
                throw new IllegalArgumentException("expected " + (sync ? "10 fields" : "9 fields, or 11 or more with engine data")
                        + ", found " + t.length);
            }
            InetAddress client = address(t[1]);
            int clientPort = port(t[2]);
            InetAddress virtual = address(t[3]);
            int virtualPort = port(t[4]);
            InetAddress destination = address(t[5]);
            int destinationPort = port(t[6]);
            String state = t[7];
            Optional<IpvsConnection.Origin> origin = Optional.empty();
            String expires;
            Optional<String> peName = Optional.empty();
            Optional<String> peData = Optional.empty();
            if (sync) {
                origin = Optional.of(switch (t[8]) {
                    case "LOCAL" -> IpvsConnection.Origin.LOCAL;
                    case "SYNC" -> IpvsConnection.Origin.SYNC;
                    default -> throw new IllegalArgumentException("origin '" + t[8] + "' (expected: LOCAL or SYNC)");
                });
                expires = t[9];
            } else {
                expires = t[8];
                if (t.length >= 11) {
                    peName = Optional.of(t[9]);
                    peData = Optional.of(String.join(" ", java.util.Arrays.asList(t).subList(10, t.length)));
                }
            }
            return new IpvsConnection(t[0], client, clientPort, virtual, virtualPort, destination, destinationPort, state,
                    Duration.ofSeconds(seconds(expires)), peName, peData, origin);
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("malformed IPVS connection line '" + line + "': " + e.getMessage(), e);
        }
    }

    private static long seconds(String s) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("expiry '" + s + "' (expected: decimal seconds)");
        }
        return Long.parseLong(s);
    }

    private static int port(String s) {
        if (s.length() != 4) {
            throw new IllegalArgumentException("port '" + s + "' (expected: four hexadecimal digits)");
        }
        return hex(s, "port");
    }

    private static int hex(String s, String what) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException(what + " '" + s + "' (expected: hexadecimal digits)");
            }
            v = v << 4 | d;
        }
        return v;
    }

    private static InetAddress address(String s) {
        byte[] b;
        if (s.indexOf(':') < 0) {
            if (s.length() != 8) {
                throw new IllegalArgumentException("address '" + s + "' (expected: eight hexadecimal digits or an IPv6 address)");
            }
            int v = hex(s, "address");
            b = new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        } else {
            String[] groups = s.split(":", -1);
            if (groups.length != 8) {
                throw new IllegalArgumentException("address '" + s + "' (expected: eight groups of four hexadecimal digits)");
            }
            b = new byte[16];
            for (int i = 0; i < 8; i++) {
                if (groups[i].length() != 4) {
                    throw new IllegalArgumentException("address '" + s + "' (expected: eight groups of four hexadecimal digits)");
                }
                int g = hex(groups[i], "address");
                b[2 * i] = (byte) (g >>> 8);
                b[2 * i + 1] = (byte) g;
            }
        }
        try {
            // Inet6Address even for ::ffff:a.b.c.d, which getByAddress would make an Inet4Address.
            return b.length == 4 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address '" + s + "'", e);
        }
    }
}
