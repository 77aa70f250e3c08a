// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link NetlinkErrnoException}'s count of replies delivered before a refusal. */
class NetlinkErrnoExceptionTest {
    /** A family's exception, as the families make theirs: a message naming the object, the kernel's refusal as cause. */
    static final class ThingException extends NetlinkErrnoException {
        ThingException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    @Test
    void aRefusalAfterRepliesSaysHowManyAndAFamilysExceptionKeepsIt() {
        NetlinkErrnoException refusal = new NetlinkErrnoException("thing dump", -Errno.ENOENT, ExtendedAck.NONE, 7);
        assertEquals(7, refusal.repliesDelivered());
        assertEquals(Errno.ENOENT, refusal.errno());
        assertEquals("thing dump: ENOENT (No such file or directory)", refusal.getMessage(), "the message does not change");
        ThingException named = new ThingException("thing 1 vanished", refusal);
        assertEquals(7, named.repliesDelivered());
        assertSame(refusal, named.getCause());
    }

    @Test
    void aRefusalOfTheRequestItselfDeliveredNothing() {
        assertEquals(0, new NetlinkErrnoException("thing new", Errno.EEXIST, null).repliesDelivered());
        assertEquals(0, new NetlinkErrnoException("thing new", Errno.EEXIST, null, 0).repliesDelivered());
    }

    @Test
    void aNegativeCountIsRejectedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetlinkErrnoException("thing dump", Errno.ENOENT, null, -1));
        assertEquals("repliesDelivered: -1 (expected: 0-2147483647)", e.getMessage());
    }
}
