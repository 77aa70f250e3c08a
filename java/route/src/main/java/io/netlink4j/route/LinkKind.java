// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.io.Serializable;
import java.util.Objects;

/**
 * The kind of a virtual link (IFLA_INFO_KIND): the name of the driver that made it, such as
 * {@code veth} or {@code dummy}.
 *
 * <p>Open, like the other value sets of this package, but named rather than numbered: the kernel
 * identifies a kind by its driver's string, any loaded module may register one, and that string is
 * the kind's {@link #name()} (lower case, as the kernel spells it). A kind without a constant here
 * is as valid as one with ({@link #isKnown()} tells the two apart); equality is by name.
 * Serializable (exceptions carry it), and deserialized as the constant of its name where there is
 * one.
 */
public final class LinkKind implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code dummy}: a link that drops everything sent to it (for addresses that need a link). */
    public static final LinkKind DUMMY = new LinkKind("dummy", true);
    /** {@code veth}: one end of a virtual Ethernet pair. */
    public static final LinkKind VETH = new LinkKind("veth", true);
    /** {@code bridge}: an Ethernet bridge. */
    public static final LinkKind BRIDGE = new LinkKind("bridge", true);
    /** {@code vlan}: an 802.1Q VLAN on a parent link. */
    public static final LinkKind VLAN = new LinkKind("vlan", true);
    /** {@code macvlan}: a link with its own MAC address on a parent link. */
    public static final LinkKind MACVLAN = new LinkKind("macvlan", true);
    /** {@code vxlan}: a VXLAN tunnel. */
    public static final LinkKind VXLAN = new LinkKind("vxlan", true);
    /** {@code bond}: a bond of several links. */
    public static final LinkKind BOND = new LinkKind("bond", true);
    /** {@code ifb}: an intermediate functional block (for ingress shaping). */
    public static final LinkKind IFB = new LinkKind("ifb", true);

    private static final LinkKind[] KNOWN = {DUMMY, VETH, BRIDGE, VLAN, MACVLAN, VXLAN, BOND, IFB};

    /** The driver's name for the kind. */
    private final String name;
    /** Whether this class has a constant for the kind. */
    private final boolean known;

    private LinkKind(String name, boolean known) {
        this.name = name;
        this.known = known;
    }

    /**
     * The kind called {@code name}: the constant of that name, or an instance of it.
     *
     * @param name the driver's name for the kind, e.g. {@code veth}
     * @return the kind
     * @throws IllegalArgumentException if the name is empty or contains a NUL character
     */
    public static LinkKind of(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("link kind '" + name + "' (expected: a non-empty name without NUL)");
        }
        for (LinkKind k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new LinkKind(name, false);
    }

    /** {@return the driver's name for the kind, as the kernel spells it ({@code veth})} */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for the kind} */
    public boolean isKnown() {
        return known;
    }

    /**
     * The constant of this kind's name, for deserialization.
     *
     * @return the canonical instance
     */
    private Object readResolve() {
        return of(name);
    }

    /**
     * Equal to a kind of the same name.
     *
     * @param o the object to compare with
     * @return equal to a kind of the same name
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinkKind k && k.name.equals(name);
    }

    /** {@return the name's hash code} */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name;
    }
}
