// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute of an attribute set.
 *
 * @param name             its name
 * @param value            its number on the wire (nla_type)
 * @param type             its type
 * @param subType          the items' type of an {@code indexed-array}, or of a {@code binary} array of
 *                         scalars
 * @param nestedAttributes the attribute set of a nest, an indexed array of nests or a nest-type-value
 * @param multiAttr        whether it may occur more than once (decoded into a list)
 * @param byteOrder        the byte order of an integer
 * @param enumName         the enum or flags its value is named by
 * @param enumAsFlags      whether an enum names its bits (as flags)
 * @param displayHint      how it is shown
 * @param struct           for a {@code binary} attribute, the struct it holds
 * @param subMessage       for a {@code sub-message}, the sub-message's name
 * @param selector         for a {@code sub-message}, the attribute whose value chooses the format
 * @param typeValue        for a {@code nest-type-value}, the names of the levels' types
 * @param doc              its documentation, empty when none
 */
public record YnlAttribute(String name, int value, YnlType type, Optional<YnlType> subType,
                           Optional<String> nestedAttributes, boolean multiAttr, YnlByteOrder byteOrder,
                           Optional<String> enumName, boolean enumAsFlags, YnlDisplayHint displayHint,
                           Optional<String> struct, Optional<String> subMessage, Optional<String> selector,
                           List<String> typeValue, String doc) {
    /** Checks and copies the components. */
    public YnlAttribute {
        Objects.requireNonNull(name, "name");
        if (value < 0 || value > 0x3FFF) {
            throw new IllegalArgumentException("value: " + value + " (expected: 0-16383)");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subType, "subType");
        Objects.requireNonNull(nestedAttributes, "nestedAttributes");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(enumName, "enumName");
        Objects.requireNonNull(displayHint, "displayHint");
        Objects.requireNonNull(struct, "struct");
        Objects.requireNonNull(subMessage, "subMessage");
        Objects.requireNonNull(selector, "selector");
        typeValue = List.copyOf(typeValue);
        Objects.requireNonNull(doc, "doc");
    }
}
