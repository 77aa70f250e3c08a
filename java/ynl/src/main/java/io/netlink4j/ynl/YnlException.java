// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.NetlinkErrnoException;

import java.util.Objects;
import java.util.Optional;

/**
 * The kernel refused a request of a {@link YnlFamily}. Where the kernel's extended ACK points at
 * an attribute of the request (by its offset) or names one the request lacks (by its number), the
 * attribute is named here by its spec name: {@link #attributePath()} as the kernel's {@code ynl}
 * library spells it ({@code .name}, or {@code .nest.name} inside nests), {@link #missingAttribute()}
 * by its name in the operation's attribute set (or {@code UnknownAttr(N)} if the spec lacks it).
 */
public class YnlException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    private final String attributePath;
    private final String missingAttribute;

    /**
     * Names the attributes of {@code cause}'s extended ACK.
     *
     * @param cause            the kernel's refusal
     * @param attributePath    the path of the attribute the kernel pointed at, or null
     * @param missingAttribute the attribute the kernel said is missing, or null
     */
    public YnlException(NetlinkErrnoException cause, String attributePath, String missingAttribute) {
        super(message(Objects.requireNonNull(cause, "cause"), attributePath, missingAttribute), cause);
        this.attributePath = attributePath;
        this.missingAttribute = missingAttribute;
    }

    private static String message(NetlinkErrnoException cause, String path, String missing) {
        StringBuilder sb = new StringBuilder(cause.operation());
        if (path != null) {
            sb.append(": bad attribute ").append(path);
        }
        if (missing != null) {
            sb.append(": missing attribute ").append(missing);
        }
        return sb.toString();
    }

    /** @return the spec path of the attribute the kernel's extended ACK pointed at, e.g. {@code .ifname} */
    public Optional<String> attributePath() {
        return Optional.ofNullable(attributePath);
    }

    /** @return the spec name of the attribute the kernel's extended ACK said is missing */
    public Optional<String> missingAttribute() {
        return Optional.ofNullable(missingAttribute);
    }
}
