// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testing;

import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ReceivedRequest} holds its message as a value: copied in and out, compared by content. */
class ReceivedRequestTest {

    @Test
    void theMessageIsCopiedAndComparedByContent() {
        byte[] message = NetlinkTestPeer.message(0x20, 1, 7, 0, new byte[] {1, 2, 3, 4});
        ReceivedRequest r = new ReceivedRequest(0x20, 1, 7, 0, message, 42);
        message[16] = 9;
        assertEquals(1, r.message()[16], "copied in");
        r.message()[16] = 9;
        assertEquals(1, r.message()[16], "copied out");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, r.payload());

        ReceivedRequest same = new ReceivedRequest(0x20, 1, 7, 0, NetlinkTestPeer.message(0x20, 1, 7, 0, new byte[] {1, 2, 3, 4}), 42);
        assertEquals(r, same);
        assertEquals(r.hashCode(), same.hashCode());
        assertNotEquals(r, new ReceivedRequest(0x20, 1, 7, 0, NetlinkTestPeer.message(0x20, 1, 7, 0, new byte[] {1, 2, 3, 5}), 42));
        assertEquals("ReceivedRequest[type=32, flags=0x1, seq=7, pid=0, message=20 bytes, senderPortId=42]", r.toString());
        assertThrows(IllegalArgumentException.class, () -> new ReceivedRequest(0x20, 1, 7, 0, new byte[4], 42));
    }
}
