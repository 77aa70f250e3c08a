// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum ({@code type: enum}) or a set of flags ({@code type: flags}). The entries' values are
 * their raw values: the number for an enum, the bit's index for flags (the mask is
 * {@link Entry#mask()}).
 *
 * @param name    its name in the spec
 * @param flags   whether it is a set of flags
 * @param entries its entries in the spec's order
 * @param doc     its documentation, empty when none
 */
public record YnlEnum(String name, boolean flags, List<Entry> entries, String doc) implements YnlDefinition {
    /** Checks and copies the components. */
    public YnlEnum {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        Objects.requireNonNull(doc, "doc");
    }

    /**
     * An entry.
     *
     * @param name  its name
     * @param value its raw value (for flags: the index of its bit)
     * @param doc   its documentation, empty when none
     */
    public record Entry(String name, long value, String doc) {
        /** Checks the components. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(doc, "doc");
        }

        /** @return {@code 1 << value}, the entry's bit as flags */
        public long mask() {
            return 1L << value;
        }
    }

    /** @return the entry named {@code name}, if any */
    public Optional<Entry> entry(String entryName) {
        for (Entry e : entries) {
            if (e.name.equals(entryName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return the entry whose raw value is {@code value}, if any */
    public Optional<Entry> entry(long value) {
        for (Entry e : entries) {
            if (e.value == value) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return the entries' names to their raw values, in order */
    public Map<String, Long> values() {
        Map<String, Long> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name, e.value));
        return out;
    }
}
