// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A reusable holder for the sender address of a received datagram ({@code sockaddr_nl}): the
 * sender's port id (0 for the kernel) and the multicast groups bitmask it was sent to. Not thread
 * safe: each receiving thread uses its own.
 */
public final class NetlinkAddress {
    final ByteBuffer raw = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

    /**
     * An empty address, to pass to {@link NetlinkSocket#receive}, which fills it in. Reuse it for
     * every receive of one thread.
     */
    public NetlinkAddress() {
    }

    /**
     * The sender's port id, as the last receive filled it in.
     *
     * @return the port id, an unsigned 32-bit value in an int; 0 means the kernel
     */
    public int portId() {
        return raw.getInt(0);
    }

    /**
     * The multicast groups bitmask of the datagram, as the last receive filled it in.
     *
     * @return the bitmask, 0 for unicast
     */
    public int groups() {
        return raw.getInt(4);
    }

    @Override
    public String toString() {
        return "NetlinkAddress[portId=" + Integer.toUnsignedString(portId()) + ", groups=0x" + Integer.toHexString(groups()) + "]";
    }
}
