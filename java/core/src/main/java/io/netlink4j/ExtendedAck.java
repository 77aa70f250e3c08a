// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.io.Serializable;

/**
 * The extended-ACK attributes (NETLINK_EXT_ACK) of an {@code NLMSG_ERROR} or {@code NLMSG_DONE}.
 *
 * @param message    NLMSGERR_ATTR_MSG, or null
 * @param offset     NLMSGERR_ATTR_OFFS: the offending attribute's offset from the start of the
 *                   request's netlink header, or -1
 * @param missingType NLMSGERR_ATTR_MISS_TYPE: the attribute type that was required, or -1
 * @param missingNest NLMSGERR_ATTR_MISS_NEST: offset of the nest that lacked it, or -1
 * @param cookie     NLMSGERR_ATTR_COOKIE bytes, or an empty array
 * @serial exclude
 */
// "@serial exclude" only keeps the record out of the serialized-form page, whose record entries
// JDK 17's javadoc reports as undocumented (the record is serialized by its components).
public record ExtendedAck(String message, int offset, int missingType, int missingNest, byte[] cookie)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    /** No extended ACK was present. */
    public static final ExtendedAck NONE = new ExtendedAck(null, -1, -1, -1, EMPTY);

    /**
     * Copies the cookie; null stands for none. The numbers are kept as the kernel sent them.
     *
     * @param message     NLMSGERR_ATTR_MSG, or null
     * @param offset      NLMSGERR_ATTR_OFFS, or -1
     * @param missingType NLMSGERR_ATTR_MISS_TYPE, or -1
     * @param missingNest NLMSGERR_ATTR_MISS_NEST, or -1
     * @param cookie      NLMSGERR_ATTR_COOKIE bytes, or null or empty for none
     */
    public ExtendedAck {
        cookie = cookie == null || cookie.length == 0 ? EMPTY : cookie.clone();
    }

    /**
     * NLMSGERR_ATTR_COOKIE.
     *
     * @return a copy of the cookie bytes, or an empty array
     */
    @Override
    public byte[] cookie() {
        return cookie.length == 0 ? EMPTY : cookie.clone();
    }

    /**
     * Whether the kernel sent any extended-ACK attribute.
     *
     * @return false for {@link #NONE}
     */
    public boolean isPresent() {
        return message != null || offset >= 0 || missingType >= 0 || missingNest >= 0 || cookie.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedAck e && java.util.Objects.equals(message, e.message) && offset == e.offset
                && missingType == e.missingType && missingNest == e.missingNest && java.util.Arrays.equals(cookie, e.cookie);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(message, offset, missingType, missingNest) * 31 + java.util.Arrays.hashCode(cookie);
    }

    @Override
    public String toString() {
        return "ExtendedAck[message=" + message + ", offset=" + offset + ", missingType=" + missingType
                + ", missingNest=" + missingNest + ", cookie=" + cookie.length + " bytes]";
    }
}
