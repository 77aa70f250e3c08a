// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package example.consumer;

import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.route.Link;
import io.netlink4j.route.RouteHandle;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Reads link 1 (every network namespace's loopback) through rtnetlink and the nlctrl family
 * through generic netlink, from this host's kernel, and uses a Netty buffer: io.netlink4j.route
 * alone must make core and Netty readable.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("route module: " + RouteHandle.class.getModule().getName());
        System.out.println("core module: " + GenericNetlink.class.getModule().getName());
        try (RouteHandle route = RouteHandle.open()) {
            Link lo = route.getLink(1);
            System.out.println("link 1: " + lo.name());
        }
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamily ctrl = genl.getFamily("nlctrl");
            System.out.println("nlctrl id: " + ctrl.id());
        }
        ByteBuf buf = Unpooled.buffer(4).writeInt(0x4e4c346a);
        try {
            System.out.println("buffer: " + Integer.toHexString(buf.getInt(0)));
        } finally {
            buf.release();
        }
    }
}
