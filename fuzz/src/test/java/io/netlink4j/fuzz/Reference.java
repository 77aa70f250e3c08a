// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A second, deliberately plain reading of netlink framing straight from a byte array, written
 * from the protocol's definition and sharing no code with the library: the oracle the library's
 * cursors are checked against.
 */
public final class Reference {
    private Reference() {}

    /**
     * One framed item: a message (nlmsghdr) or an attribute (nlattr).
     *
     * @param offset  where its header starts
     * @param length  nlmsg_len or nla_len as sent
     * @param type    nlmsg_type or nla_type as sent (flag bits included)
     */
    public record Item(int offset, int length, int type) {}

    /**
     * The items framed in a region, in order; {@code broken} if the region ends in something
     * that is not a valid item (short header, length too small or past the end).
     */
    public record Walk(List<Item> items, boolean broken) {}

    /** The netlink messages in {@code data[start, end)}. */
    public static Walk messages(byte[] data, int start, int end) {
        return walk(data, start, end, 16, true);
    }

    /** The attributes in {@code data[start, end)}. */
    public static Walk attributes(byte[] data, int start, int end) {
        return walk(data, start, end, 4, false);
    }

    private static Walk walk(byte[] data, int start, int end, int headerSize, boolean messages) {
        List<Item> items = new ArrayList<>();
        int pos = start;
        while (pos < end) {
            if (end - pos < headerSize) {
                return new Walk(items, true);
            }
            long length = messages ? Integer.toUnsignedLong(i32(data, pos)) : u16(data, pos);
            int type = u16(data, pos + (messages ? 4 : 2));
            if (length < headerSize || length > end - pos) {
                return new Walk(items, true);
            }
            items.add(new Item(pos, (int) length, type));
            // Every item but the last is padded to 4 bytes; the last may lack its padding.
            pos = (int) Math.min(pos + ((length + 3) / 4) * 4, end);
        }
        return new Walk(items, false);
    }

    private static ByteBuffer host(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
    }

    public static int u16(byte[] data, int at) {
        return host(data).getShort(at) & 0xFFFF;
    }

    public static int u16Be(byte[] data, int at) {
        return ByteBuffer.wrap(data).getShort(at) & 0xFFFF;
    }

    public static int i32(byte[] data, int at) {
        return host(data).getInt(at);
    }

    public static int i32Be(byte[] data, int at) {
        return ByteBuffer.wrap(data).getInt(at);
    }

    public static long i64(byte[] data, int at) {
        return host(data).getLong(at);
    }

    public static long i64Be(byte[] data, int at) {
        return ByteBuffer.wrap(data).getLong(at);
    }
}
