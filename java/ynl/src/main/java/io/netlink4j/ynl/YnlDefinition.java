// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

/**
 * An entry of a spec's {@code definitions:}: a constant ({@link YnlConst}), an enum or set of
 * flags ({@link YnlEnum}), or a C struct ({@link YnlStruct}).
 */
public sealed interface YnlDefinition permits YnlConst, YnlEnum, YnlStruct {
    /** @return the definition's name in the spec */
    String name();

    /** @return its documentation, empty when the spec has none */
    String doc();
}
