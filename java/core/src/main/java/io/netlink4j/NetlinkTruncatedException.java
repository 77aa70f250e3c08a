// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/** A datagram was larger than the receive buffer (MSG_TRUNC): its tail was lost. */
public class NetlinkTruncatedException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    private final int datagramLength;
    private final int bufferLength;

    public NetlinkTruncatedException(int datagramLength, int bufferLength) {
        super("received datagram of " + datagramLength + " bytes does not fit the " + bufferLength
                + "-byte receive buffer (raise the receive buffer size)");
        this.datagramLength = datagramLength;
        this.bufferLength = bufferLength;
    }

    public int datagramLength() {
        return datagramLength;
    }

    public int bufferLength() {
        return bufferLength;
    }
}
