// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.codec.MessageReader;

/** The hand-written rtnetlink decoders for the benchmarks (the shaded benchmark jar is one class path). */
public final class RouteCodecAccess {
    private RouteCodecAccess() {}

    /** {@link RouteCodec#decodeAddress}: an RTM_NEWADDR message into an {@link Address}. */
    public static Address decodeAddress(MessageReader msg) {
        return RouteCodec.decodeAddress(msg);
    }
}
