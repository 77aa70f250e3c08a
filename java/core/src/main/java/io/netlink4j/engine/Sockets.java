// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.socket.NetlinkSocket;

/** The socket set-up shared by request connections and event subscriptions. */
final class Sockets {

    private Sockets() {
    }

    /**
     * Opens a socket of {@code protocol} in the namespace of {@code options}, binds it to a port id
     * the kernel picks and applies the options' receive buffer size. The socket is closed if any
     * step fails.
     */
    static NetlinkSocket openBound(int protocol, NetlinkOptions options) {
        NetlinkSocket socket = options.netns().isPresent() ? NetlinkSocket.open(protocol, options.netns().get())
                : NetlinkSocket.open(protocol);
        try {
            socket.bind(0, 0);
            if (options.socketReceiveBufferSize() > 0) {
                socket.setReceiveBufferSize(options.socketReceiveBufferSize(), true);
            }
            return socket;
        } catch (RuntimeException | Error e) {
            socket.close();
            throw e;
        }
    }
}
