// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

/** The byte order of an integer ({@code byte-order:}); host order unless the spec says otherwise. */
public enum YnlByteOrder {
    /** The host's order (no {@code byte-order:} given). */
    HOST,
    /** {@code little-endian}. */
    LITTLE_ENDIAN,
    /** {@code big-endian} (network order: ports, addresses). */
    BIG_ENDIAN;

    static YnlByteOrder of(String name) {
        if (name == null) {
            return HOST;
        }
        return switch (name) {
            case "little-endian" -> LITTLE_ENDIAN;
            case "big-endian" -> BIG_ENDIAN;
            default -> throw new IllegalArgumentException("byte-order: " + name + " (expected: little-endian, big-endian)");
        };
    }
}
