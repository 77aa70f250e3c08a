// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Validation of the names the kernel limits to IFNAMSIZ - 1 bytes. */
final class Names {
    private Names() {}

    /**
     * Checks an interface name (or IPv4 address label) as the kernel's {@code dev_valid_name}
     * does: 1-15 bytes, not "." or "..", no '/', ':' or whitespace.
     */
    static String checkInterfaceName(String what, String name) {
        Objects.requireNonNull(name, what);
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > RtnetlinkLayout.MAX_IFNAME_LENGTH) {
            throw new IllegalArgumentException(what + " '" + name + "': " + length + " bytes (expected: 1-"
                    + RtnetlinkLayout.MAX_IFNAME_LENGTH + ")");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(what + " '" + name + "' (expected: not '.' or '..')");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '\0' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException(what + " '" + name + "' (expected: no '/', ':', NUL or whitespace)");
            }
        }
        return name;
    }

    /** Checks an IPv4 address label: like a name, but ':' is allowed (labels like {@code eth0:1}). */
    static String checkLabel(String label) {
        Objects.requireNonNull(label, "label");
        int length = label.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > RtnetlinkLayout.MAX_IFNAME_LENGTH || label.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("address label '" + label + "': " + length + " bytes (expected: 1-"
                    + RtnetlinkLayout.MAX_IFNAME_LENGTH + ", no NUL)");
        }
        return label;
    }
}
