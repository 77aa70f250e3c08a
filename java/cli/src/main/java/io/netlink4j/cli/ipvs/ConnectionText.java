// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.ipvs.IpvsConnection;

import java.net.InetAddress;
import java.util.List;

/**
 * The connection table as {@code ipvsadm -Lc} prints it (with {@code -n} numerically, with
 * {@code --persistent-conn} the persistence engine's data), and as JSON.
 */
final class ConnectionText {
    private final Names names;
    private final boolean persistent;

    ConnectionText(boolean numeric, boolean persistent) {
        this.names = new Names(numeric);
        this.persistent = persistent;
    }

    String title() {
        return "IPVS connection entries\n" + (persistent
                ? String.format("pro expire %-11s %-18s %-18s %-18s %-16s %s%n", "state", "source", "virtual", "destination", "pe name", "pe_data")
                : String.format("pro expire %-11s %-18s %-18s %s%n", "state", "source", "virtual", "destination"));
    }

    String line(IpvsConnection c) {
        io.netlink4j.ipvs.Protocol protocol = c.protocol().orElse(null);
        String source = names.addressPort(c.clientAddress(), c.clientPort(), protocol);
        String virtual = names.addressPort(c.virtualAddress(), c.virtualPort(), protocol);
        String destination = names.addressPort(c.destinationAddress(), c.destinationPort(), protocol);
        long seconds = c.expires().getSeconds();
        String expire = String.format("%02d:%02d", seconds / 60, seconds % 60);
        if (persistent && c.peName().isPresent()) {
            return String.format("%-3s %-6s %-11s %-18s %-18s %-16s %-18s %s%n", c.protocolName(), expire, c.state(), source, virtual,
                    destination, c.peName().get(), c.peData().orElse(""));
        }
        return String.format("%-3s %-6s %-11s %-18s %-18s %s%n", c.protocolName(), expire, c.state(), source, virtual, destination);
    }

    /** A JSON array, one object per entry, in the kernel's order. */
    static String json(List<IpvsConnection> connections) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginArray();
        for (IpvsConnection c : connections) {
            w.beginObject().name("protocol").value(c.protocolName());
            endpoint(w, "client", c.clientAddress(), c.clientPort());
            endpoint(w, "virtual", c.virtualAddress(), c.virtualPort());
            endpoint(w, "destination", c.destinationAddress(), c.destinationPort());
            w.name("state").value(c.state()).name("expires").value(c.expires().getSeconds()).name("template").value(c.isTemplate());
            if (c.fwmark().isPresent()) {
                w.name("fwmark").value(Integer.toUnsignedLong(c.fwmark().getAsInt()));
            }
            if (c.peName().isPresent()) {
                w.name("pe_name").value(c.peName().get()).name("pe_data").value(c.peData().orElse(""));
            }
            if (c.origin().isPresent()) {
                w.name("origin").value(c.origin().get().name());
            }
            w.endObject();
        }
        w.endArray();
        return sb.append('\n').toString();
    }

    private static void endpoint(JsonWriter w, String name, InetAddress address, int port) {
        w.name(name).beginObject().name("address").value(InetText.ntop(address)).name("port").value(port).endObject();
    }
}
