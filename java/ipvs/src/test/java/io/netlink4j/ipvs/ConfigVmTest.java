// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts, info, counters and sync daemons in the test VM. */
@Tag("kernel-vm")
class ConfigVmTest {
    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClass();

    @Test
    void configRoundTripsAndZeroLeavesUnchanged() {
        Config c = new Config(Duration.ofSeconds(66), Duration.ofSeconds(66), Duration.ofSeconds(66));
        ns.ipvs.setConfig(c);
        assertEquals(c, ns.ipvs.getConfig());
        ns.ipvs.setConfig(Config.builder().timeoutUdp(Duration.ofSeconds(5)).build());
        assertEquals(new Config(Duration.ofSeconds(66), Duration.ofSeconds(66), Duration.ofSeconds(5)), ns.ipvs.getConfig());
        assertTrue(ns.ipvsadm("-L", "--timeout").contains("Timeout (tcp tcpfin udp): 66 66 5"), ns.ipvsadm("-L", "--timeout"));
    }

    @Test
    void infoMatchesProcfs() {
        Info info = ns.ipvs.getInfo();
        String header = ns.ipvsadm("-Ln").lines().findFirst().orElseThrow();
        // "IP Virtual Server version 1.2.1 (size=4096)"
        assertEquals("IP Virtual Server version " + info.versionString() + " (size=" + info.connectionTableSize() + ")", header);
        assertTrue(info.version() >= 0x010200);
    }

    @Test
    void zeroOneServiceAndAll() {
        Service s = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).build();
        ns.ipvs.newService(s);
        try {
            ns.ipvs.zero(s);
            ns.ipvs.zero();
            assertEquals(Stats.ZERO, ns.ipvs.getService(s).stats());
        } finally {
            ns.ipvs.delService(s);
        }
    }

    @Test
    void syncDaemonsStartListAndStop() {
        DaemonConfig master = DaemonConfig.builder().state(DaemonConfig.State.MASTER).multicastInterface("dummy0").syncId(9)
                .syncMaxLength(1400).multicastGroup(ip("239.1.2.3")).multicastPort(8849).multicastTtl(2).build();
        DaemonConfig backup = DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("dummy0").syncId(9).build();
        ns.ipvs.newDaemon(master);
        ns.ipvs.newDaemon(backup);
        try {
            List<DaemonConfig> daemons = ns.ipvs.getDaemons();
            assertEquals(2, daemons.size(), daemons.toString());
            DaemonConfig m = daemons.stream().filter(d -> d.state() == DaemonConfig.State.MASTER).findFirst().orElseThrow();
            assertEquals(master, m);
            DaemonConfig b = daemons.stream().filter(d -> d.state() == DaemonConfig.State.BACKUP).findFirst().orElseThrow();
            assertEquals("dummy0", b.multicastInterface());
            assertEquals(9, b.syncId());
            assertTrue(ns.ipvsadm("-L", "--daemon").contains("master sync daemon (mcast=dummy0, syncid=9"), ns.ipvsadm("-L", "--daemon"));
        } finally {
            ns.ipvs.delDaemon(DaemonConfig.State.MASTER);
            ns.ipvs.delDaemon(DaemonConfig.State.BACKUP);
        }
        assertEquals(List.of(), ns.ipvs.getDaemons());
    }
}
