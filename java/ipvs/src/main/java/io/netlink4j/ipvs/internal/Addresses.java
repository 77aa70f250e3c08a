// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs.internal;

import io.netlink4j.internal.InetAddresses;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Address helpers shared by the value types and the codec. */
public final class Addresses {
    private Addresses() {}

    /** The address as the 16-byte {@code union nf_inet_addr} IPVS sends (IPv4 in the first 4 bytes). */
    public static byte[] toWire(InetAddress address) {
        byte[] out = new byte[16];
        byte[] raw = address.getAddress();
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }

    /** An address from {@code length} raw bytes (4 or 16). */
    public static InetAddress fromBytes(byte[] raw) {
        try {
            // getByAddress with a 16-byte IPv4-mapped address would return an Inet4Address: keep IPv6 as IPv6.
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }

    /** Orders addresses by their bytes read as unsigned numbers, shorter (IPv4) first; null before any address. */
    public static int compare(InetAddress a, InetAddress b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return Arrays.compareUnsigned(a.getAddress(), b.getAddress());
    }

    /** "1.2.3.4:80" or "[2001:db8::1]:80", in the compressed form ipvsadm prints. */
    public static String format(InetAddress address, int port) {
        String text = InetAddresses.toText(address);
        return address instanceof Inet6Address ? "[" + text + "]:" + port : text + ":" + port;
    }
}
