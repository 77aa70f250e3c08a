// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Info;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.Stats;
import io.netlink4j.ipvs.TunnelFlags;

import java.util.List;
import java.util.Locale;

/**
 * The IPVS state as JSON ({@code netlink4j ipvs -L --json}), for scripts: the same services,
 * destinations, timeouts and daemons as the text listing, every field named, addresses numeric.
 */
final class IpvsJson {
    private IpvsJson() {}

    /**
     * {"version", "connectionTableSize", "services": [...]}; version and size only when
     * {@code info} is given (a full listing).
     */
    static String services(Info info, List<ListedService> entries) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginObject();
        if (info != null) {
            w.name("version").value(info.versionString());
            w.name("connectionTableSize").value(info.connectionTableSize());
        }
        w.name("services").beginArray();
        for (ListedService e : entries) {
            service(w, e);
        }
        w.endArray().endObject();
        return sb.toString();
    }

    private static void service(JsonWriter w, ListedService e) {
        Service s = e.service();
        w.beginObject();
        w.name("family").value(lower(s.addressFamily().name()));
        if (s.isFwMark()) {
            w.name("fwmark").value(s.fwMark());
        } else {
            w.name("protocol").value(lower(s.protocol()));
            w.name("address").value(InetText.ntop(s.address()));
            w.name("port").value(s.port());
        }
        w.name("scheduler").value(s.scheduler().name());
        w.name("schedulerFlags").beginArray();
        String flags = IpvsadmText.schedFlags(s);
        if (!flags.isEmpty()) {
            for (String f : flags.split(",")) {
                w.value(f);
            }
        }
        w.endArray();
        w.name("persistent").value(s.isPersistent());
        w.name("timeout").value(s.timeout());
        // A prefix length, or -1 for an IPv4 mask that is not a prefix; the IPv4 mask itself as a dotted quad.
        w.name("netmask").value(s.netmask().prefixLength().orElse(-1));
        if (s.addressFamily().equals(AddressFamily.INET)) {
            w.name("ipv4Mask").value(s.netmask().toString());
        }
        w.name("persistenceEngine").value(s.persistenceEngine().map(PersistenceEngine::name).orElse(null));
        w.name("onePacket").value(s.isOnePacket());
        stats(w, s.stats());
        w.name("destinations").beginArray();
        for (Destination d : e.destinations()) {
            destination(w, d);
        }
        w.endArray();
        w.endObject();
    }

    private static void destination(JsonWriter w, Destination d) {
        w.beginObject();
        w.name("family").value(lower(d.addressFamily().name()));
        w.name("address").value(InetText.ntop(d.address()));
        w.name("port").value(d.port());
        w.name("forwarding").value(lower(d.forwardingMethod().name()));
        if (d.forwardingMethod().equals(ForwardingMethod.TUNNEL)) {
            w.name("tunnel").beginObject();
            w.name("type").value(lower(d.tunnelType().name()));
            w.name("port").value(d.tunnelPort());
            w.name("checksum").value(switch (d.tunnelFlags()) {
                case 0 -> "none";
                case TunnelFlags.CSUM -> "checksum";
                case TunnelFlags.REMCSUM -> "remote-checksum";
                default -> Integer.toString(d.tunnelFlags());
            });
            w.endObject();
        }
        w.name("weight").value(d.weight());
        w.name("upperThreshold").value(d.upperThreshold());
        w.name("lowerThreshold").value(d.lowerThreshold());
        w.name("activeConnections").value(d.activeConnections());
        w.name("inactiveConnections").value(d.inactiveConnections());
        w.name("persistentConnections").value(d.persistentConnections());
        stats(w, d.stats());
        w.endObject();
    }

    private static void stats(JsonWriter w, Stats s) {
        w.name("stats").beginObject();
        w.name("connections").unsignedValue(s.connections());
        w.name("packetsIn").unsignedValue(s.packetsIn());
        w.name("packetsOut").unsignedValue(s.packetsOut());
        w.name("bytesIn").unsignedValue(s.bytesIn());
        w.name("bytesOut").unsignedValue(s.bytesOut());
        w.name("cps").unsignedValue(s.cps());
        w.name("packetsInPerSecond").unsignedValue(s.ppsIn());
        w.name("packetsOutPerSecond").unsignedValue(s.ppsOut());
        w.name("bytesInPerSecond").unsignedValue(s.bpsIn());
        w.name("bytesOutPerSecond").unsignedValue(s.bpsOut());
        w.endObject();
    }

    /** {"tcp": 900, "tcpFin": 120, "udp": 300}. */
    static String timeouts(Config c) {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginObject()
                .name("tcp").value(c.timeoutTcp().getSeconds())
                .name("tcpFin").value(c.timeoutTcpFin().getSeconds())
                .name("udp").value(c.timeoutUdp().getSeconds())
                .endObject();
        return sb.toString();
    }

    /** {"daemons": [{"state": "master", "interface": ..., ...}]}. */
    static String daemons(List<DaemonConfig> daemons) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginObject().name("daemons").beginArray();
        for (DaemonConfig d : daemons) {
            w.beginObject();
            w.name("state").value(lower(d.state()));
            w.name("interface").value(d.multicastInterface());
            w.name("syncId").value(d.syncId());
            w.name("maxLength").value(d.syncMaxLength());
            w.name("group").value(d.multicastGroup() == null ? null : InetText.ntop(d.multicastGroup()));
            w.name("port").value(d.multicastPort());
            w.name("ttl").value(d.multicastTtl());
            w.endObject();
        }
        w.endArray().endObject();
        return sb.toString();
    }

    private static String lower(Enum<?> e) {
        return lower(e.name());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
