// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/**
 * The kind of a virtual link (IFLA_INFO_KIND): the name of the driver that made it, such as
 * {@code veth} or {@code dummy}. Open: any name the kernel reports or accepts is a valid kind.
 */
public final class LinkKind {
    public static final LinkKind DUMMY = new LinkKind("dummy");
    public static final LinkKind VETH = new LinkKind("veth");
    public static final LinkKind BRIDGE = new LinkKind("bridge");
    public static final LinkKind VLAN = new LinkKind("vlan");
    public static final LinkKind MACVLAN = new LinkKind("macvlan");
    public static final LinkKind VXLAN = new LinkKind("vxlan");
    public static final LinkKind BOND = new LinkKind("bond");
    public static final LinkKind IFB = new LinkKind("ifb");

    private final String name;

    private LinkKind(String name) {
        this.name = name;
    }

    /**
     * The kind called {@code name}.
     *
     * @throws IllegalArgumentException if the name is empty or contains a NUL character
     */
    public static LinkKind of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("link kind '" + name + "' (expected: a non-empty name without NUL)");
        }
        return switch (name) {
            case "dummy" -> DUMMY;
            case "veth" -> VETH;
            case "bridge" -> BRIDGE;
            case "vlan" -> VLAN;
            case "macvlan" -> MACVLAN;
            case "vxlan" -> VXLAN;
            case "bond" -> BOND;
            case "ifb" -> IFB;
            default -> new LinkKind(name);
        };
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkKind k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
