// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.MessageReader;

/**
 * What the receiving loop needs of a protocol state ({@link ExchangeState}, {@link BatchState}):
 * a verdict per message, and the conditions the receiver meets. No I/O.
 */
interface ProtocolState {
    /** Decides about the message {@code m} is positioned on. */
    Verdict onMessage(MessageReader m);

    /** The caller's handler threw on a delivered message. */
    void handlerFailed(RuntimeException e);

    /** The socket reported ENOBUFS. */
    void overrun();

    /** Whether to take only what is already queued instead of waiting. */
    boolean receiveNonBlocking();

    /** Whether the outcome is decided. */
    boolean isComplete();
}
