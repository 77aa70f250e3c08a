// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

/** What the receiving loop does with one received message, as a protocol state decides it. */
enum Verdict {
    /** Not part of this exchange (another sequence number or port id, or after its end): dropped and counted. */
    DISCARD,
    /** A reply for the caller: hand it to the handler or decoder. */
    DELIVER,
    /** Part of this exchange but not for the caller (a control message, or drained after a failure). */
    SKIP,
    /** The exchange ended with this message (its ACK, error or NLMSG_DONE); the outcome is decided. */
    COMPLETE
}
