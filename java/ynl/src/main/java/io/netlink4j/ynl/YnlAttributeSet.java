// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute set: one space of attribute numbers. A subset ({@code subset-of:}) lists some
 * attributes of another set, with that set's numbers and types.
 *
 * @param name       its name
 * @param subsetOf   the set it is a subset of
 * @param attributes its attributes in the spec's order
 * @param doc        its documentation, empty when none
 */
public record YnlAttributeSet(String name, Optional<String> subsetOf, List<YnlAttribute> attributes, String doc) {
    /** Checks and copies the components. */
    public YnlAttributeSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subsetOf, "subsetOf");
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(doc, "doc");
    }

    /** @return the attribute named {@code attributeName}, if any */
    public Optional<YnlAttribute> attribute(String attributeName) {
        for (YnlAttribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** @return the attribute numbered {@code value}, if any (the first one, should two share it) */
    public Optional<YnlAttribute> attribute(int value) {
        for (YnlAttribute a : attributes) {
            if (a.value() == value) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
