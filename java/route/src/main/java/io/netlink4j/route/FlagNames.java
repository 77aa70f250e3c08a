// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.ArrayList;
import java.util.List;

/** Names of the bits of a flag word, shared by {@link LinkFlags} and {@link AddressFlags}. */
final class FlagNames {
    private FlagNames() {}

    /** The names of the set bits, {@code names[i]} for bit i, lowest first; unnamed bits last as one hex number. */
    static List<String> names(int flags, String[] names) {
        List<String> out = new ArrayList<>();
        int rest = flags;
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && (flags & (1 << i)) != 0) {
                out.add(names[i]);
                rest &= ~(1 << i);
            }
        }
        if (rest != 0) {
            out.add("0x" + Integer.toHexString(rest));
        }
        return List.copyOf(out);
    }
}
