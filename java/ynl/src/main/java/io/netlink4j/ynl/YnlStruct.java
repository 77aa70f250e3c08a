// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A C struct ({@code type: struct}): members laid out one after another, without implicit
 * padding (the spec lists padding as {@code pad} members), as the kernel's headers define them.
 *
 * @param name    its name in the spec
 * @param members its members in order
 * @param doc     its documentation, empty when none
 */
public record YnlStruct(String name, List<Member> members, String doc) implements YnlDefinition {
    /** Checks and copies the components. */
    public YnlStruct {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        Objects.requireNonNull(doc, "doc");
    }

    /** @return the size in bytes: the sum of the members' sizes */
    public int size() {
        int size = 0; // a loop, not a stream: codecs ask for every struct they decode
        for (Member m : members) {
            size += m.size();
        }
        return size;
    }

    /**
     * A member.
     *
     * @param name        its name
     * @param type        its type: an integer type, {@code string}, {@code binary} or {@code pad}
     * @param size        its size in bytes ({@code len:} resolved, a nested struct's size, or the
     *                    integer type's size)
     * @param byteOrder   its byte order
     * @param enumName    the enum or flags its value is named by
     * @param enumAsFlags whether an enum names its bits (as flags)
     * @param displayHint how it is shown
     * @param struct      for a {@code binary} member, the struct it holds
     * @param doc         its documentation, empty when none
     */
    public record Member(String name, YnlType type, int size, YnlByteOrder byteOrder, Optional<String> enumName,
                         boolean enumAsFlags, YnlDisplayHint displayHint, Optional<String> struct, String doc) {
        /** Checks the components. */
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (size < 0) {
                throw new IllegalArgumentException("size: " + size + " (expected: 0 or more)");
            }
            Objects.requireNonNull(byteOrder, "byteOrder");
            Objects.requireNonNull(enumName, "enumName");
            Objects.requireNonNull(displayHint, "displayHint");
            Objects.requireNonNull(struct, "struct");
            Objects.requireNonNull(doc, "doc");
        }
    }
}
