// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/**
 * netlink4j's core: the netlink socket over a small JNI shim ({@code io.netlink4j.socket}), the
 * message and attribute codec ({@code io.netlink4j.codec}), the request engine and notifications
 * ({@code io.netlink4j.engine}), generic netlink ({@code io.netlink4j.genl}), the exceptions and
 * shared value types ({@code io.netlink4j}) and a scripted netlink peer for tests
 * ({@code io.netlink4j.testing}).
 *
 * <p>{@code io.netlink4j.internal} is exported only to netlink4j's own family modules: it is not
 * API. Netty's buffer module is read transitively, because {@code ByteBuf} appears in this
 * module's API.
 *
 * <p>The JNI shim is loaded by this module: on JDK 24 and later start the JVM with
 * {@code --enable-native-access=io.netlink4j.core} when the jar is on the module path
 * ({@code ALL-UNNAMED} on the class path).
 */
module io.netlink4j.core {
    requires transitive io.netty.buffer;

    exports io.netlink4j;
    exports io.netlink4j.codec;
    exports io.netlink4j.engine;
    exports io.netlink4j.genl;
    exports io.netlink4j.socket;
    exports io.netlink4j.testing;

    exports io.netlink4j.internal to io.netlink4j.route, io.netlink4j.ipvs;
}
