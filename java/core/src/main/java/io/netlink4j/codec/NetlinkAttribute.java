// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

/** Constants of the netlink attribute header ({@code struct nlattr}: u16 nla_len, u16 nla_type). */
public final class NetlinkAttribute {
    private NetlinkAttribute() {}

    /** NLA_HDRLEN: the size of the attribute header, 4 bytes. */
    public static final int HEADER_SIZE = 4;
    /**
     * The deepest nesting of attributes this library writes ({@link MessageWriter#beginNested})
     * and reads ({@link AttributeReader#nested()}): 16 levels below the top. The kernel's own
     * policies nest at most 10 deep (MAX_POLICY_RECURSION_DEPTH), so every message the kernel
     * accepts or sends fits; the limit bounds the work a malformed message can cause.
     */
    public static final int MAX_DEPTH = 16;
    /** NLA_F_NESTED: the payload is itself a sequence of attributes. */
    public static final int F_NESTED = 0x8000;
    /** NLA_F_NET_BYTEORDER: the payload is in network byte order. */
    public static final int F_NET_BYTEORDER = 0x4000;
    /** NLA_TYPE_MASK: the bits of nla_type that are the type proper. */
    public static final int TYPE_MASK = 0x3FFF;
}
