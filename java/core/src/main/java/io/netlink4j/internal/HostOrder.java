// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netty.buffer.ByteBuf;

import java.nio.ByteOrder;

/**
 * Access to multi-byte values in the host's byte order, which netlink uses for its headers and
 * for most attributes. Fields a family defines as big-endian use the ByteBuf's own big-endian
 * accessors instead. The branch is on a constant and folds away in compiled code.
 */
public final class HostOrder {
    private HostOrder() {}

    public static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    public static int getU16(ByteBuf buf, int index) {
        return LITTLE_ENDIAN ? buf.getUnsignedShortLE(index) : buf.getUnsignedShort(index);
    }

    public static int getI32(ByteBuf buf, int index) {
        return LITTLE_ENDIAN ? buf.getIntLE(index) : buf.getInt(index);
    }

    public static long getI64(ByteBuf buf, int index) {
        return LITTLE_ENDIAN ? buf.getLongLE(index) : buf.getLong(index);
    }

    public static void setU16(ByteBuf buf, int index, int value) {
        if (LITTLE_ENDIAN) {
            buf.setShortLE(index, value);
        } else {
            buf.setShort(index, value);
        }
    }

    public static void setI32(ByteBuf buf, int index, int value) {
        if (LITTLE_ENDIAN) {
            buf.setIntLE(index, value);
        } else {
            buf.setInt(index, value);
        }
    }

    public static void writeU16(ByteBuf buf, int value) {
        if (LITTLE_ENDIAN) {
            buf.writeShortLE(value);
        } else {
            buf.writeShort(value);
        }
    }

    public static void writeI32(ByteBuf buf, int value) {
        if (LITTLE_ENDIAN) {
            buf.writeIntLE(value);
        } else {
            buf.writeInt(value);
        }
    }

    public static void writeI64(ByteBuf buf, long value) {
        if (LITTLE_ENDIAN) {
            buf.writeLongLE(value);
        } else {
            buf.writeLong(value);
        }
    }
}
