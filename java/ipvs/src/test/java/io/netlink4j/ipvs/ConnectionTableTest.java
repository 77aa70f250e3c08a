// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkDecodeException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The lines of /proc/net/ip_vs_conn and ip_vs_conn_sync, in the layout the kernel prints them
 * (ip_vs_conn_seq_show and ip_vs_conn_sync_seq_show: "%-3s %08X %04X %08X %04X %s %04X %-11s %7u").
 */
class ConnectionTableTest {
    private static final String HEADER = "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData";

    /** A line as the kernel prints it. */
    private static String kernelLine(String proto, InetAddress c, int cp, InetAddress v, int vp, InetAddress d, int dp,
                                     String state, long expires, String tail, boolean sync, String origin) {
        String head = String.format("%-3s %s %04X %s %04X %s %04X %-11s ", proto, hex(c), cp, hex(v), vp, hex(d), dp, state);
        return sync ? head + String.format("%-6s %7d", origin, expires) : head + String.format("%7d", expires) + tail;
    }

    private static String hex(InetAddress a) {
        byte[] b = a.getAddress();
        StringBuilder sb = new StringBuilder();
        if (b.length == 4) {
            for (byte x : b) {
                sb.append(String.format("%02X", x & 0xff));
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                sb.append(i == 0 ? "" : ":").append(String.format("%02x%02x", b[i] & 0xff, b[i + 1] & 0xff));
            }
        }
        return sb.toString();
    }

    @Test
    void ipv4ConnectionsTemplatesAndEngineData() {
        assertTrue(ConnectionTable.isHeader(HEADER));
        IpvsConnection c = ConnectionTable.parse("TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED     897", false);
        assertEquals(new IpvsConnection("TCP", ip("10.0.1.2"), 0xD431, ip("10.0.0.1"), 80, ip("10.1.1.2"), 8080, "ESTABLISHED",
                Duration.ofSeconds(897), Optional.empty(), Optional.empty(), Optional.empty()), c);
        assertEquals(Protocol.TCP, c.protocol().orElseThrow());
        assertFalse(c.isTemplate());
        assertFalse(c.isIpv6());
        IpvsConnection t = ConnectionTable.parse("TCP 0A000102 0000 0A000001 0050 0A010102 1F90 NONE            359", false);
        assertTrue(t.isTemplate());
        IpvsConnection fwm = ConnectionTable.parse("IP  0A000102 0000 00000005 0000 0A010102 0000 NONE            300", false);
        assertEquals(5, fwm.fwmark().getAsInt());
        assertTrue(fwm.protocol().isEmpty());
        IpvsConnection sip = ConnectionTable.parse(
                "UDP 0A000102 13C4 0A000001 13C4 0A010102 13C4 UDP             299 sip    abc@10.0.1.2", false);
        assertEquals("sip", sip.peName().orElseThrow());
        assertEquals("abc@10.0.1.2", sip.peData().orElseThrow());
    }

    @Test
    void ipv6AndMixedFamiliesAndTheSyncListing() {
        IpvsConnection c = ConnectionTable.parse("TCP 2001:0db8:0002:0000:0000:0000:0000:0002 C350 2001:0db8:0000:0000:0000:0000:0000:0001"
                + " 0050 2001:0db8:0001:0000:0000:0000:0000:0002 0050 SYN_RECV         55", false);
        assertTrue(c.isIpv6());
        assertEquals(ip("2001:db8:1::2"), c.destinationAddress());
        IpvsConnection mixed = ConnectionTable.parse("TCP 2001:0db8:0002:0000:0000:0000:0000:0002 C350 2001:0db8:0000:0000:0000:0000:0000:0001"
                + " 0050 0A010102 0050 SYN_RECV         55", false);
        assertEquals(ip("10.1.1.2"), mixed.destinationAddress());
        IpvsConnection mapped = ConnectionTable.parse("TCP 0000:0000:0000:0000:0000:ffff:0a00:0102 C350 0000:0000:0000:0000:0000:ffff:0a00:0001"
                + " 0050 0A010102 0050 SYN_RECV         55", false);
        assertTrue(mapped.isIpv6());
        IpvsConnection s = ConnectionTable.parse("TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED SYNC       897", true);
        assertEquals(IpvsConnection.Origin.SYNC, s.origin().orElseThrow());
    }

    @Test
    void malformedLinesAreDecodeErrorsQuotingTheLine() {
        String[] bad = {
            "", "TCP", "TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED",
            "TCP 0A00010 D431 0A000001 0050 0A010102 1F90 ESTABLISHED 897",
            "TCP 0A000102 D43 0A000001 0050 0A010102 1F90 ESTABLISHED 897",
            "TCP 0A000102 D431 0A000001 0050 0A010102 1F9G ESTABLISHED 897",
            "TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED -1",
            "TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED 897 sip",
            "TCP 2001:db8::1 D431 0A000001 0050 0A010102 1F90 ESTABLISHED 897",
            "TCP 2001:0db8:0002:0000:0000:0000:0000:0002 D431 0A000001 0050 0A010102 1F90 ESTABLISHED 897",
            "TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED 99999999999",
        };
        for (String line : bad) {
            NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> ConnectionTable.parse(line, false), line);
            assertTrue(e.getMessage().startsWith("malformed IPVS connection line '" + line + "': "), e.getMessage());
        }
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class,
                () -> ConnectionTable.parse("TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED MASTER     897", true));
        assertTrue(e.getMessage().endsWith("origin 'MASTER' (expected: LOCAL or SYNC)"), e.getMessage());
    }

    @Test
    void everyLineTheKernelCanPrintReadsBack() {
        qt().withExamples(2000).forAll(longs().between(0, 0xffffffffL), integers().allPositive(), integers().between(0, 3))
                .checkAssert((expires, seed, kind) -> {
                    java.util.Random r = new java.util.Random(seed);
                    int cp = r.nextInt(0x10000);
                    int vp = r.nextInt(0x10000);
                    int dp = r.nextInt(0x10000);
                    boolean v6 = r.nextBoolean();
                    InetAddress c = random(r, v6);
                    InetAddress v = random(r, v6);
                    InetAddress d = random(r, r.nextBoolean());
                    String state = new String[] {"ESTABLISHED", "SYN_RECV", "TIME_WAIT", "NONE", "UDP", "CLOSE_WAIT"}[r.nextInt(6)];
                    boolean sync = kind == 3;
                    String tail = kind == 1 ? " sip    " + Long.toHexString(r.nextLong()) + "@host" : "";
                    String origin = r.nextBoolean() ? "LOCAL" : "SYNC";
                    String line = kernelLine("TCP", c, cp, v, vp, d, dp, state, expires, tail, sync, origin);
                    IpvsConnection e = ConnectionTable.parse(line, sync);
                    assertEquals(c, e.clientAddress());
                    assertEquals(v, e.virtualAddress());
                    assertEquals(d, e.destinationAddress());
                    assertEquals(cp, e.clientPort());
                    assertEquals(vp, e.virtualPort());
                    assertEquals(dp, e.destinationPort());
                    assertEquals(state, e.state());
                    assertEquals(expires, e.expires().getSeconds());
                    assertEquals(kind == 1, e.peData().isPresent());
                    assertEquals(sync ? Optional.of(IpvsConnection.Origin.valueOf(origin)) : Optional.empty(), e.origin());
                });
    }

    @Test
    void anyTextIsAnEntryOrADecodeErrorNeverAnotherException() {
        qt().withExamples(3000).forAll(strings().ascii().ofLengthBetween(0, 160), integers().between(0, 1)).checkAssert((text, sync) -> {
            try {
                ConnectionTable.parse(text, sync == 1);
            } catch (NetlinkDecodeException expected) {
                assertTrue(expected.getMessage().contains(text));
            }
        });
        // Mutations of a valid line: one character replaced.
        String valid = "TCP 0A000102 D431 0A000001 0050 0A010102 1F90 ESTABLISHED     897";
        qt().withExamples(3000).forAll(integers().between(0, valid.length() - 1), integers().between(0, 127)).checkAssert((i, ch) -> {
            String line = valid.substring(0, i) + (char) (int) ch + valid.substring(i + 1);
            try {
                ConnectionTable.parse(line, false);
            } catch (NetlinkDecodeException expected) {
                assertTrue(expected.getMessage().contains(line));
            }
        });
    }

    private static InetAddress random(java.util.Random r, boolean v6) {
        byte[] b = new byte[v6 ? 16 : 4];
        r.nextBytes(b);
        try {
            return v6 ? java.net.Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
