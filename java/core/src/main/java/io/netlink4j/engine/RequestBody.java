// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.MessageWriter;

/** Writes a request's payload (family header and attributes) after the netlink header. */
@FunctionalInterface
public interface RequestBody {
    /** No payload. */
    RequestBody EMPTY = w -> { };

    /**
     * Writes the payload.
     *
     * @param writer a writer with the request's netlink header written; append the payload
     */
    void write(MessageWriter writer);
}
