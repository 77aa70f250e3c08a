// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sub-message: the formats an attribute's payload may take, one per value of its selector (a
 * link's {@code kind}, say, chooses the format of its {@code data}).
 *
 * @param name    its name
 * @param formats its formats in the spec's order
 */
public record YnlSubMessage(String name, List<Format> formats) {
    /** Checks and copies the components. */
    public YnlSubMessage {
        Objects.requireNonNull(name, "name");
        formats = List.copyOf(formats);
    }

    /**
     * A format.
     *
     * @param value        the selector's value that chooses it
     * @param fixedHeader  the struct at the start of the payload, if any
     * @param attributeSet the attribute set of the attributes that follow, if any
     */
    public record Format(String value, Optional<String> fixedHeader, Optional<String> attributeSet) {
        /** Checks the components. */
        public Format {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(fixedHeader, "fixedHeader");
            Objects.requireNonNull(attributeSet, "attributeSet");
        }
    }

    /** @return the format chosen by {@code selectorValue}, if the spec has one */
    public Optional<Format> format(String selectorValue) {
        return formats.stream().filter(f -> f.value.equals(selectorValue)).findFirst();
    }
}
