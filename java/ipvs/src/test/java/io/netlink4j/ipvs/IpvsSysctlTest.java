// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IPVS sysctl settings' names, types and ranges, without a kernel. */
class IpvsSysctlTest {
    @Test
    void knownSettingsAreInNameOrderAndFoundByEitherName() {
        List<IpvsSysctl> all = IpvsSysctl.values();
        List<String> names = new ArrayList<>();
        all.forEach(s -> names.add(s.name()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertEquals(32, all.size());
        assertSame(IpvsSysctl.CONNTRACK, IpvsSysctl.parse("conntrack"));
        assertSame(IpvsSysctl.CONNTRACK, IpvsSysctl.parse("net.ipv4.vs.conntrack"));
        assertSame(IpvsSysctl.CONNTRACK, IpvsSysctl.of("net/ipv4/vs/conntrack"));
        assertEquals("net.ipv4.vs.conntrack", IpvsSysctl.CONNTRACK.toString());
        assertEquals("6.2", IpvsSysctl.EST_NICE.since().orElseThrow());
        assertEquals("ip_vs_lblc", IpvsSysctl.LBLC_EXPIRATION.module().orElseThrow());
    }

    @Test
    void unknownNamesAreRefusedByParseAndOpenByOf() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpvsSysctl.parse("conntrak"));
        assertTrue(e.getMessage().startsWith("unknown IPVS sysctl 'conntrak' (expected one of: am_droprate, amemthresh,"), e.getMessage());
        assertTrue(e.getMessage().contains("sync_version)"), e.getMessage());
        IpvsSysctl future = IpvsSysctl.of("future_knob");
        assertFalse(future.isKnown());
        assertEquals(IpvsSysctl.Type.TEXT, future.type());
        assertEquals(future, IpvsSysctl.of("net.ipv4.vs.future_knob"));
        assertNotSame(future, IpvsSysctl.of("future_knob"));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctl.of("../../kernel/osrelease"));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctl.of(""));
        assertThrows(NullPointerException.class, () -> IpvsSysctl.of(null));
    }

    @Test
    void valuesAreCheckedAgainstTheDocumentedRanges() {
        assertEquals("3", IpvsSysctlValue.of(IpvsSysctl.DROP_ENTRY, " 3\n").text());
        assertMessage("net.ipv4.vs.drop_entry: '4' (expected: 0-3)", () -> IpvsSysctlValue.of(IpvsSysctl.DROP_ENTRY, "4"));
        assertMessage("net.ipv4.vs.conntrack: '2' (expected: 0 or 1)", () -> IpvsSysctlValue.of(IpvsSysctl.CONNTRACK, 2));
        assertMessage("net.ipv4.vs.est_nice: '-21' (expected: -20-19)", () -> IpvsSysctlValue.of(IpvsSysctl.EST_NICE, -21));
        assertEquals("-20", IpvsSysctlValue.of(IpvsSysctl.EST_NICE, -20).text());
        assertMessage("net.ipv4.vs.sync_ports: '3' (expected: a power of two, 1-1073741824)",
                () -> IpvsSysctlValue.of(IpvsSysctl.SYNC_PORTS, 3));
        assertEquals("8", IpvsSysctlValue.of(IpvsSysctl.SYNC_PORTS, 8).text());
        assertEquals("3\t50", IpvsSysctlValue.of(IpvsSysctl.SYNC_THRESHOLD, "3 50").text());
        assertEquals("5\t0", IpvsSysctlValue.of(IpvsSysctl.SYNC_THRESHOLD, "5\t0").text());
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.SYNC_THRESHOLD, "50 50"));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.SYNC_THRESHOLD, "3"));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.SYNC_THRESHOLD, "-1 5"));
        assertEquals("", IpvsSysctlValue.of(IpvsSysctl.EST_CPULIST, "").text());
        assertEquals("0-3,5", IpvsSysctlValue.of(IpvsSysctl.EST_CPULIST, "0-3,5").text());
        assertEquals("0,1-7:1/2", IpvsSysctlValue.of(IpvsSysctl.EST_CPULIST, "0,1-7:1/2").text());
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.EST_CPULIST, "0;reboot"));
        assertMessage("net.ipv4.vs.lblc_expiration: 'x' (expected: 0-2147483 seconds)",
                () -> IpvsSysctlValue.of(IpvsSysctl.LBLC_EXPIRATION, "x"));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.SYNC_QLEN_MAX, -1));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.SNAT_REROUTE, "yes"));
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.AMEMTHRESH, 1L << 31));
        assertEquals("1", IpvsSysctlValue.of(IpvsSysctl.SNAT_REROUTE, true).text());
        assertThrows(IllegalArgumentException.class, () -> IpvsSysctlValue.of(IpvsSysctl.AMEMTHRESH, true));
    }

    @Test
    void valuesReadAndSnapshots() {
        IpvsSysctlValue pair = IpvsSysctlValue.read(IpvsSysctl.SYNC_THRESHOLD, "3\t50\n");
        assertEquals(List.of(3L, 50L), pair.asLongs());
        assertEquals("net.ipv4.vs.sync_threshold = 3\t50", pair.toString());
        assertThrows(IllegalStateException.class, pair::asLong);
        IpvsSysctlValue five = IpvsSysctlValue.read(IpvsSysctl.CONNTRACK, "5\n");
        assertTrue(five.asBoolean());
        assertEquals(5, five.asInt());
        assertEquals(five, IpvsSysctlValue.read(IpvsSysctl.CONNTRACK, "5"));
        IpvsSysctls snapshot = new IpvsSysctls(List.of(IpvsSysctlValue.read(IpvsSysctl.AMEMTHRESH, "1024"), five, pair));
        assertEquals(five, snapshot.get(IpvsSysctl.CONNTRACK).orElseThrow());
        assertTrue(snapshot.get(IpvsSysctl.EST_NICE).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new IpvsSysctls(List.of(five, five)));
        assertThrows(IllegalArgumentException.class, () -> new IpvsSysctls(List.of(pair, five)));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
