// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.MessageReader;

/**
 * Receives each reply message of a request or dump (never the final ACK or DONE). The reader is
 * positioned on the message and valid only during the call: copy out what you need. An exception
 * thrown here stops further callbacks; the exchange is still drained to its end, so the socket
 * stays in sync, and the exception is then rethrown to the requester.
 */
@FunctionalInterface
public interface ReplyHandler {
    /** Ignores every reply. */
    ReplyHandler IGNORE = msg -> { };

    /**
     * Handles one reply.
     *
     * @param message a reader positioned on the reply, valid only during the call
     */
    void onMessage(MessageReader message);
}
