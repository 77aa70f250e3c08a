// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.Netlink;

import java.util.Objects;

/**
 * One request of a batch: message type, flags (NLM_F_REQUEST and NLM_F_ACK are added) and body.
 *
 * @param operation a name for errors, e.g. {@code "IPVS NEW_SERVICE TCP 10.0.0.1:80"}
 * @param type      the message type, 16-65535
 * @param flags     extra message flags, 0-65535
 * @param body      writes the payload
 */
public record Request(String operation, int type, int flags, RequestBody body) {
    /**
     * Validates the components.
     *
     * @param operation a name for errors
     * @param type      the message type, 16-65535
     * @param flags     extra message flags, 0-65535
     * @param body      writes the payload
     * @throws IllegalArgumentException if {@code type} or {@code flags} is out of range
     */
    public Request {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(body, "body");
        if (type < Netlink.NLMSG_MIN_TYPE || type > 0xFFFF) {
            throw new IllegalArgumentException("message type: " + type + " (expected: 16-65535)");
        }
        if (flags < 0 || flags > 0xFFFF) {
            throw new IllegalArgumentException("message flags: " + flags + " (expected: 0-65535)");
        }
    }

}
