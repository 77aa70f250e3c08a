// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.internal.InetAddresses;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Address text as the C library reads and writes it, so that addresses given to and printed by
 * {@code netlink4j ipvs} match ipvsadm's: {@code inet_aton} (which also takes {@code 127.1},
 * {@code 0x0a.1} and octal parts), strict {@code inet_pton} for IPv6, and {@code inet_ntop} /
 * {@code inet_ntoa} for output.
 */
public final class InetText {
    private InetText() {}

    /** {@code inet_aton}: an IPv4 address in any of the classic forms, or null. */
    static Inet4Address aton(String s) {
        int len = s.length();
        int[] parts = new int[3];
        int dots = 0;
        int i = 0;
        long value;
        while (true) {
            if (i >= len || !isDigit(s.charAt(i))) {
                return null;
            }
            // Each part is read like strtoul(..., 0): 0x hex, leading 0 octal, else decimal.
            int base = 10;
            if (s.charAt(i) == '0') {
                base = 8;
                if (i + 2 < len && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && isHexDigit(s.charAt(i + 2))) {
                    base = 16;
                    i += 2;
                }
            }
            value = 0;
            while (i < len && isHexDigit(s.charAt(i)) && Character.digit(s.charAt(i), base) >= 0) {
                value = value * base + Character.digit(s.charAt(i), base);
                if (value > 0xFFFFFFFFL) {
                    return null;
                }
                i++;
            }
            if (i < len && s.charAt(i) == '.') {
                if (dots > 2 || value > 0xFF) {
                    return null;
                }
                parts[dots++] = (int) value;
                i++;
            } else {
                break;
            }
        }
        // Anything after the number must be white space (and is then ignored).
        if (i < len && !(s.charAt(i) < 0x80 && Character.isWhitespace(s.charAt(i)))) {
            return null;
        }
        long[] max = {0xFFFFFFFFL, 0xFFFFFFL, 0xFFFFL, 0xFFL};
        if (value > max[dots]) {
            return null;
        }
        long addr = value;
        for (int p = 0; p < dots; p++) {
            addr |= (long) parts[p] << (24 - 8 * p);
        }
        return (Inet4Address) byAddress(new byte[] {(byte) (addr >> 24), (byte) (addr >> 16), (byte) (addr >> 8), (byte) addr});
    }

    /** {@code inet_pton(AF_INET6)}: an IPv6 address in strict text form, or null. */
    public static Inet6Address pton6(String s) {
        byte[] out = new byte[16];
        int len = s.length();
        int i = 0;
        int groups = 0;
        int gap = -1;
        if (len >= 1 && s.charAt(0) == ':') {
            if (len < 2 || s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int groupStart = i;
        int digits = 0;
        int value = 0;
        while (i < len) {
            char c = s.charAt(i++);
            if (isHexDigit(c)) {
                if (digits == 4) {
                    return null;
                }
                value = (value << 4) | Character.digit(c, 16);
                digits++;
                continue;
            }
            if (c == ':') {
                groupStart = i;
                if (digits == 0) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = groups;
                    continue;
                }
                if (i >= len || groups == 8) {
                    return null;
                }
                out[2 * groups] = (byte) (value >> 8);
                out[2 * groups + 1] = (byte) value;
                groups++;
                digits = 0;
                value = 0;
                continue;
            }
            if (c == '.' && groups <= 6) {
                byte[] v4 = dottedQuad(s.substring(groupStart));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, 2 * groups, 4);
                groups += 2;
                digits = 0;
                break;
            }
            return null;
        }
        if (digits > 0) {
            if (groups == 8) {
                return null;
            }
            out[2 * groups] = (byte) (value >> 8);
            out[2 * groups + 1] = (byte) value;
            groups++;
        }
        if (gap >= 0) {
            if (groups == 8) {
                return null;
            }
            int tail = groups - gap;
            byte[] moved = new byte[16];
            System.arraycopy(out, 0, moved, 0, 2 * gap);
            System.arraycopy(out, 2 * gap, moved, 16 - 2 * tail, 2 * tail);
            out = moved;
        } else if (groups != 8) {
            return null;
        }
        try {
            return Inet6Address.getByAddress(null, out, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code inet_pton(AF_INET)}: a strict dotted quad (no leading zeros), or null. */
    public static Inet4Address pton4(String s) {
        byte[] b = dottedQuad(s);
        return b == null ? null : (Inet4Address) byAddress(b);
    }

    private static byte[] dottedQuad(String s) {
        byte[] out = new byte[4];
        int octets = 0;
        int value = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                if (value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && octets < 3) {
                out[octets++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        if (value < 0 || octets != 3) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }

    /** {@code inet_ntop}: dotted quad, or glibc's compressed IPv6 form (with its IPv4-compatible and -mapped forms). */
    static String ntop(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ntoa(b);
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        byte[] tail = {b[12], b[13], b[14], b[15]};
        // glibc prints IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses with a dotted tail.
        if (zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0)) {
            return "::" + ntoa(tail);
        }
        if (zeroPrefix && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
            return "::ffff:" + ntoa(tail);
        }
        return InetAddresses.toText(address);
    }

    /** {@code inet_ntoa} of four bytes in network order. */
    static String ntoa(byte[] b) {
        return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
    }

    /** An address of raw bytes: Inet4Address for 4, Inet6Address (even when IPv4-mapped) for 16. */
    public static InetAddress byAddress(byte[] raw) {
        try {
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
