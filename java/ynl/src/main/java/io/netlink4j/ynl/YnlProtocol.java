// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A spec's protocol level ({@code protocol:}), each with a schema of its own. */
public enum YnlProtocol {
    /** {@code genetlink}: generic netlink, the plain form (the default). */
    GENETLINK("genetlink"),
    /** {@code genetlink-c}: generic netlink with the C code generator's naming properties. */
    GENETLINK_C("genetlink-c"),
    /** {@code genetlink-legacy}: generic netlink with fixed headers, structs and older forms. */
    GENETLINK_LEGACY("genetlink-legacy"),
    /** {@code netlink-raw}: a classic netlink protocol (rtnetlink: {@code protonum} 0). */
    NETLINK_RAW("netlink-raw");

    private final String specName;

    YnlProtocol(String specName) {
        this.specName = specName;
    }

    /** @return the name as a spec spells it, which is also its schema's file name without {@code .yaml} */
    public String specName() {
        return specName;
    }

    /** @return whether this is a generic netlink level (a genlmsghdr follows the netlink header) */
    public boolean isGeneric() {
        return this != NETLINK_RAW;
    }

    /**
     * The level named {@code name} as a spec spells it.
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static YnlProtocol of(String name) {
        for (YnlProtocol p : values()) {
            if (p.specName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol: " + name + " (expected: "
                + Arrays.stream(values()).map(YnlProtocol::specName).collect(Collectors.joining(", ")) + ")");
    }
}
