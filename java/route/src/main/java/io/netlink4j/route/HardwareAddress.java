// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Arrays;
import java.util.Objects;

/**
 * A link-layer address (IFLA_ADDRESS, IFLA_BROADCAST, IFLA_PERM_ADDRESS): any number of bytes,
 * six for Ethernet. Immutable; printed as colon-separated lower-case hex, as iproute2 does.
 */
public final class HardwareAddress {
    /** The longest address the kernel stores (MAX_ADDR_LEN). */
    public static final int MAX_LENGTH = 32;

    private final byte[] bytes;

    private HardwareAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * An address with a copy of {@code bytes}.
     *
     * @param bytes the bytes
     * @return an address with a copy of {@code bytes}
     * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
     */
    public static HardwareAddress of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("hardware address of " + bytes.length + " bytes (expected: at most " + MAX_LENGTH + ")");
        }
        return new HardwareAddress(bytes.clone());
    }

    /**
     * Parses colon-separated hex bytes, e.g. {@code 02:00:00:00:00:01}.
     *
     * @param text the text
     * @return the address those bytes spell
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static HardwareAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.isEmpty() ? new String[0] : text.split(":", -1);
        if (parts.length > MAX_LENGTH) {
            throw new IllegalArgumentException("hardware address '" + text + "': " + parts.length
                    + " bytes (expected: at most " + MAX_LENGTH + ")");
        }
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || Character.digit(p.charAt(0), 16) < 0
                    || (p.length() == 2 && Character.digit(p.charAt(1), 16) < 0)) {
                throw new IllegalArgumentException("hardware address '" + text + "' (expected: hex bytes separated by ':')");
            }
            out[i] = (byte) Integer.parseInt(p, 16);
        }
        return new HardwareAddress(out);
    }

    /** {@return a copy of the bytes} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the number of bytes (6 for Ethernet)} */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardwareAddress a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
