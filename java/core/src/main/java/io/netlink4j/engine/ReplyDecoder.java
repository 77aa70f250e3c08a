// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.MessageReader;

/**
 * Turns one reply message into a value. The reader is positioned on the message and valid only
 * during the call; the value must not keep it or its buffer. A decoder that returns null skips
 * the message (a dump then leaves it out of its list).
 *
 * @param <T> the type of the decoded value, typically an immutable model object
 */
@FunctionalInterface
public interface ReplyDecoder<T> {
    /**
     * Decodes the message the reader is on. May run more than once for the same object when a
     * list-returning dump is restarted, so it must not have side effects.
     *
     * @param message a reader positioned on the reply, valid only during the call
     * @return the value, or null to leave the message out
     */
    T decode(MessageReader message);
}
