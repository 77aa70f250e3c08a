// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.NetlinkAttribute;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.List;
import java.util.Optional;

/**
 * An attribute kept as it arrived because this library does not model it: its type and a copy of
 * its payload, with typed accessors that check the payload size. Immutable.
 */
public final class RawAttribute {
    private final int rawType;
    private final byte[] value;

    /**
     * An attribute of type {@code rawType} with a copy of {@code value}.
     *
     * @param rawType nla_type as sent, flag bits included (0-65535)
     * @param value   the payload, copied
     */
    public RawAttribute(int rawType, byte[] value) {
        if (rawType < 0 || rawType > 0xFFFF) {
            throw new IllegalArgumentException("attribute type: " + rawType + " (expected: 0-65535)");
        }
        this.rawType = rawType;
        this.value = Objects.requireNonNull(value, "value").clone();
    }

    /** {@return the type with the NESTED and NET_BYTEORDER bits masked off} */
    public int type() {
        return rawType & NetlinkAttribute.TYPE_MASK;
    }

    /** {@return nla_type as sent, flag bits included} */
    public int rawType() {
        return rawType;
    }

    /** {@return a copy of the payload} */
    public byte[] value() {
        return value.clone();
    }

    /** {@return the payload's length in bytes} */
    public int length() {
        return value.length;
    }

    /** {@return the payload as an unsigned byte; it must be 1 byte long} */
    public int u8() {
        return sized(1, "u8").get() & 0xFF;
    }

    /** {@return the payload as an unsigned 16-bit number in host order; it must be 2 bytes long} */
    public int u16() {
        return sized(2, "u16").getShort() & 0xFFFF;
    }

    /** {@return a u32 in host order, as its 32 bits (use Integer.toUnsignedLong for the value)} */
    public int u32() {
        return sized(4, "u32").getInt();
    }

    /** {@return the payload as a 64-bit number in host order; it must be 8 bytes long} */
    public long u64() {
        return sized(8, "u64").getLong();
    }

    /** {@return the payload as a NUL-terminated UTF-8 string (the whole payload if it has no NUL)} */
    public String string() {
        int n = 0;
        while (n < value.length && value[n] != 0) {
            n++;
        }
        return new String(value, 0, n, StandardCharsets.UTF_8);
    }

    private ByteBuffer sized(int size, String kind) {
        if (value.length != size) {
            throw new NetlinkDecodeException("attribute " + type() + " (" + kind + "): payload of " + value.length
                    + " bytes (expected: " + size + ")");
        }
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
    }

    /** The first attribute of {@code attributes} of type {@code type}. */
    static Optional<RawAttribute> first(List<RawAttribute> attributes, int type) {
        for (RawAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute a && a.rawType == rawType && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return rawType * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawAttribute[type=" + type() + ", " + value.length + " bytes]";
    }
}
