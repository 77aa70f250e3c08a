// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/** A datagram was larger than the receive buffer (MSG_TRUNC): its tail was lost. */
public class NetlinkTruncatedException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    /** The datagram's real length. */
    private final int datagramLength;
    /** The space the buffer had. */
    private final int bufferLength;

    /**
     * A datagram of {@code datagramLength} bytes that did not fit a buffer of {@code bufferLength}.
     *
     * @param datagramLength the datagram's real length
     * @param bufferLength   the space the buffer had
     */
    public NetlinkTruncatedException(int datagramLength, int bufferLength) {
        super("received datagram of " + datagramLength + " bytes does not fit the " + bufferLength
                + "-byte receive buffer (raise the receive buffer size)");
        this.datagramLength = datagramLength;
        this.bufferLength = bufferLength;
    }

    /**
     * The datagram's real length.
     *
     * @return the length in bytes
     */
    public int datagramLength() {
        return datagramLength;
    }

    /**
     * The space the receive buffer had.
     *
     * @return the length in bytes
     */
    public int bufferLength() {
        return bufferLength;
    }
}
