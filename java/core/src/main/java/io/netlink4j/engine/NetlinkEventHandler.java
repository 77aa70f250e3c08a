// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.MessageReader;

/**
 * Receives the multicast messages of a {@link NetlinkSubscription}. Called on the thread that
 * polls (or the {@link NetlinkEventLoop}'s thread), one call at a time.
 */
public interface NetlinkEventHandler {
    /**
     * One notification. The reader is positioned on the message and valid only during the call:
     * copy out what you need. Control messages (NLMSG_NOOP, NLMSG_DONE, ...) are not delivered.
     *
     * @param message a reader positioned on the notification
     */
    void onMessage(MessageReader message);

    /**
     * Notifications were lost (ENOBUFS: the socket's receive buffer overflowed, or a datagram did
     * not fit the read buffer). The subscription keeps working; state built from earlier
     * notifications is stale and must be read again (a dump). Notifications that were still
     * queued are dropped before this call: the dump covers them.
     */
    void onOverrun();
}
