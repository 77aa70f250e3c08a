// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The type of an attribute, of a struct member, or of an array's items, as a spec names it. */
public enum YnlType {
    /** Reserved, never sent. */
    UNUSED("unused", 0),
    /** Padding (an attribute that aligns 64-bit values; in a struct, {@code len} bytes). */
    PAD("pad", 0),
    /** Present or absent, no payload. */
    FLAG("flag", 0),
    /** Bytes; with {@code struct:} a C struct, with {@code sub-type:} an array of scalars. */
    BINARY("binary", 0),
    /** {@code struct nla_bitfield32}: a value and a selector of the bits that count. */
    BITFIELD32("bitfield32", 0),
    /** Unsigned 8 bits. */
    U8("u8", 1),
    /** Unsigned 16 bits. */
    U16("u16", 2),
    /** Unsigned 32 bits. */
    U32("u32", 4),
    /** Unsigned 64 bits. */
    U64("u64", 8),
    /** Signed 8 bits. */
    S8("s8", 1),
    /** Signed 16 bits. */
    S16("s16", 2),
    /** Signed 32 bits. */
    S32("s32", 4),
    /** Signed 64 bits. */
    S64("s64", 8),
    /** Unsigned, 4 or 8 bytes as the value needs. */
    UINT("uint", 0),
    /** Signed, 4 or 8 bytes as the value needs. */
    SINT("sint", 0),
    /** A NUL-terminated string. */
    STRING("string", 0),
    /** Attributes of another set. */
    NEST("nest", 0),
    /** An array: a nest whose items are attributes typed by their index. */
    INDEXED_ARRAY("indexed-array", 0),
    /** A nest whose attributes' types are values ({@code type-value:}) over another set. */
    NEST_TYPE_VALUE("nest-type-value", 0),
    /** One of several formats, chosen by the value of another attribute ({@code selector:}). */
    SUB_MESSAGE("sub-message", 0);

    private final String specName;
    private final int size;

    YnlType(String specName, int size) {
        this.specName = specName;
        this.size = size;
    }

    /** @return the name as a spec spells it */
    public String specName() {
        return specName;
    }

    /** @return whether this is an integer type of a fixed or variable width (u8 ... s64, uint, sint) */
    public boolean isInteger() {
        return size > 0 || this == UINT || this == SINT;
    }

    /** @return whether this is a signed integer type */
    public boolean isSigned() {
        return this == S8 || this == S16 || this == S32 || this == S64 || this == SINT;
    }

    /** @return the size in bytes of a fixed-width integer type; 0 for other types */
    public int size() {
        return size;
    }

    /**
     * The type named {@code name} as a spec spells it.
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static YnlType of(String name) {
        for (YnlType t : values()) {
            if (t.specName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("type: " + name + " (expected: "
                + Arrays.stream(values()).map(YnlType::specName).collect(Collectors.joining(", ")) + ")");
    }
}
