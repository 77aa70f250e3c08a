// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.MessageWriter;

/** Writes a request's payload (family header and attributes) after the netlink header. */
@FunctionalInterface
public interface RequestBody {
    /** No payload. */
    RequestBody EMPTY = w -> { };

    void write(MessageWriter writer);
}
