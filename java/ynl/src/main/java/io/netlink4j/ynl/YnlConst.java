// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.Objects;

/**
 * A constant ({@code type: const}).
 *
 * @param name  its name in the spec
 * @param value its value: a number, or (rarely) the name of another constant or a C expression
 * @param doc   its documentation, empty when none
 */
public record YnlConst(String name, Object value, String doc) implements YnlDefinition {
    /** Checks the components. */
    public YnlConst {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(doc, "doc");
    }
}
