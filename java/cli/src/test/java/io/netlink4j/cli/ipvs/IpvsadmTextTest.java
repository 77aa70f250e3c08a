// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Info;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.Stats;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.TunnelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The text formatter and the sort order against output captured from ipvsadm 1.31 for the same
 * table (the kernel-vm tests compare against the live ipvsadm).
 */
class IpvsadmTextTest {
    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Destination dest(String address, int port, ForwardingMethod method, int weight) {
        return Destination.builder().address(ip(address)).port(port).forwardingMethod(method).weight(weight).build();
    }

    /** A table with one of nearly everything, in the kernel's (hash) order. */
    static Map<Service, List<Destination>> table() {
        Map<Service, List<Destination>> t = new LinkedHashMap<>();
        t.put(Service.builder().protocol(Protocol.SCTP).address(ip("10.0.0.7")).port(99).scheduler(Scheduler.LC)
                .flags(ServiceFlags.SCHED1 | ServiceFlags.SCHED3).build(), List.of());
        t.put(Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(80).scheduler(Scheduler.WLC).persistent(30).netmask(Netmask.ofPrefix(AddressFamily.INET6, 64)).build(),
                List.of(dest("10.1.1.20", 80, ForwardingMethod.TUNNEL, 65535)));
        t.put(Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.5")).port(5060).scheduler(Scheduler.RR).persistent(120).netmask(Netmask.ofPrefix(16))
                .persistenceEngine(PersistenceEngine.SIP).build(), List.of());
        t.put(Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::53")).port(53).scheduler(Scheduler.SH)
                .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1).build(), List.of(Destination.builder().address(ip("2001:db8:1::2"))
                .port(53).forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080)
                .tunnelFlags(TunnelFlags.CSUM).build()));
        t.put(Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.6")).port(53).scheduler(Scheduler.MH)
                .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1 | ServiceFlags.SCHED2).build(), List.of(
                dest("10.1.1.11", 53, ForwardingMethod.TUNNEL, 1),
                Destination.builder().address(ip("10.1.1.10")).port(53).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GUE).tunnelPort(7777).tunnelFlags(0).build()));
        t.put(Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(0).scheduler(Scheduler.WLC).persistent(360).build(), List.of());
        t.put(Service.builder().protocol(Protocol.TCP).address(ip("200.0.0.1")).port(80).scheduler(Scheduler.WLC).build(), List.of());
        t.put(Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR).persistent(300).netmask(Netmask.ofPrefix(24)).build(),
                List.of(Destination.builder().address(ip("10.1.1.3")).port(80).forwardingMethod(ForwardingMethod.DIRECT_ROUTE).weight(2)
                        .upperThreshold(100).lowerThreshold(50).build(), dest("10.1.1.2", 8080, ForwardingMethod.MASQUERADE, 5)));
        t.put(Service.builder().fwMark(5).addressFamily(AddressFamily.INET).scheduler(Scheduler.RR).build(),
                List.of(dest("10.1.1.4", 0, ForwardingMethod.MASQUERADE, 0)));
        t.put(Service.builder().fwMark(6).addressFamily(AddressFamily.INET6).scheduler(Scheduler.RR).persistent(360).build(), List.of());
        return t;
    }

    static String format(Set<Format> format, boolean rules, boolean sort) {
        IpvsadmText text = new IpvsadmText(format, rules);
        StringBuilder sb = new StringBuilder(text.title());
        Map<Service, List<Destination>> t = table();
        List<Service> services = new ArrayList<>(t.keySet());
        if (sort) {
            IpvsadmOrder.sort(services, IpvsadmOrder.SERVICES);
        }
        for (Service s : services) {
            List<Destination> destinations = new ArrayList<>(t.get(s));
            if (sort) {
                IpvsadmOrder.sort(destinations, IpvsadmOrder.DESTINATIONS);
            }
            text.service(sb, s, destinations);
        }
        return sb.toString();
    }

    @Test
    void listing() {
        assertEquals("""
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  200.0.0.1:80 wlc
                TCP  10.0.0.1:0 wlc persistent 360
                TCP  10.0.0.1:80 wrr persistent 300 mask 255.255.255.0
                  -> 10.1.1.2:8080                Masq    5      0          0        \s
                  -> 10.1.1.3:80                  Route   2      0          0        \s
                UDP  10.0.0.5:5060 rr persistent 120 mask 255.255.0.0 pe sip
                UDP  10.0.0.6:53 mh (mh-fallback,mh-port) ops
                  -> 10.1.1.10:53                 Tunnel  1      0          0        \s
                  -> 10.1.1.11:53                 Tunnel  1      0          0        \s
                SCTP 10.0.0.7:99 lc (flag-1,flag-3)
                TCP  [2001:db8::1]:80 wlc persistent 30 mask 64
                  -> 10.1.1.20:80                 Tunnel  65535  0          0        \s
                UDP  [2001:db8::53]:53 sh (sh-fallback) ops
                  -> [2001:db8:1::2]:53           Tunnel  1      0          0        \s
                FWM  5 rr
                  -> 10.1.1.4:0                   Masq    0      0          0        \s
                FWM  6 IPv6 rr persistent 360
                """, format(EnumSet.of(Format.NUMERIC), false, true));
    }

    @Test
    void tunnelInfoThresholdsAndPersistentConnections() {
        assertEquals("""
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn
                TCP  200.0.0.1:80 wlc
                TCP  10.0.0.1:0 wlc persistent 360
                TCP  10.0.0.1:80 wrr persistent 300 mask 255.255.255.0
                  -> 10.1.1.2:8080                Masq    n/a           5      0          0        \s
                  -> 10.1.1.3:80                  Route   n/a           2      0          0        \s
                UDP  10.0.0.5:5060 rr persistent 120 mask 255.255.0.0 pe sip
                UDP  10.0.0.6:53 mh (mh-fallback,mh-port) ops
                  -> 10.1.1.10:53                 Tunnel  gue:7777:-c   1      0          0        \s
                  -> 10.1.1.11:53                 Tunnel  ipip          1      0          0        \s
                SCTP 10.0.0.7:99 lc (flag-1,flag-3)
                TCP  [2001:db8::1]:80 wlc persistent 30 mask 64
                  -> 10.1.1.20:80                 Tunnel  ipip          65535  0          0        \s
                UDP  [2001:db8::53]:53 sh (sh-fallback) ops
                  -> [2001:db8:1::2]:53           Tunnel  gue:6080:+c   1      0          0        \s
                FWM  5 rr
                  -> 10.1.1.4:0                   Masq    n/a           0      0          0        \s
                FWM  6 IPv6 rr persistent 360
                """, format(EnumSet.of(Format.NUMERIC, Format.TUN_INFO), false, true));
        String thresholds = format(EnumSet.of(Format.NUMERIC, Format.THRESHOLDS), false, true);
        assertEquals("Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n  -> RemoteAddress:Port\n",
                thresholds.substring(0, thresholds.indexOf("TCP")));
        assertEquals("  -> 10.1.1.3:80                  100        50         0          0         \n",
                thresholds.lines().filter(l -> l.contains("10.1.1.3")).findFirst().orElseThrow() + "\n");
        String persistent = format(EnumSet.of(Format.NUMERIC, Format.PERSISTENT_CONN), false, true);
        assertEquals("Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n  -> RemoteAddress:Port\n",
                persistent.substring(0, persistent.indexOf("TCP")));
        assertEquals("  -> 10.1.1.20:80                 65535     0           0          0         ",
                persistent.lines().filter(l -> l.contains("10.1.1.20")).findFirst().orElseThrow());
    }

    @Test
    void rules() {
        assertEquals("""
                -A -t 200.0.0.1:80 -s wlc
                -A -t 10.0.0.1:0 -s wlc -p 360
                -A -t 10.0.0.1:80 -s wrr -p 300 -M 255.255.255.0
                -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 5
                -a -t 10.0.0.1:80 -r 10.1.1.3:80 -g -w 2
                -A -u 10.0.0.5:5060 -s rr -p 120 -M 255.255.0.0 --pe sip
                -A -u 10.0.0.6:53 -s mh -o -b mh-fallback,mh-port
                -a -u 10.0.0.6:53 -r 10.1.1.10:53 -i -w 1 --tun-type gue --tun-port 7777 --tun-nocsum
                -a -u 10.0.0.6:53 -r 10.1.1.11:53 -i -w 1 --tun-type ipip
                -A --sctp-service 10.0.0.7:99 -s lc -b flag-1,flag-3
                -A -t [2001:db8::1]:80 -s wlc -p 30 -M 64
                -a -t [2001:db8::1]:80 -r 10.1.1.20:80 -i -w 65535 --tun-type ipip
                -A -u [2001:db8::53]:53 -s sh -o -b sh-fallback
                -a -u [2001:db8::53]:53 -r [2001:db8:1::2]:53 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
                -A -f 5 -s rr
                -a -f 5 -r 10.1.1.4:0 -m -w 0
                -A -f 6 -6 -s rr -p 360
                """, format(EnumSet.of(Format.NUMERIC), true, true));
    }

    @Test
    void withoutSortingTheGivenOrderStays() {
        String listing = format(EnumSet.of(Format.NUMERIC, Format.NOSORT), false, false);
        assertEquals(List.of("SCTP 10.0.0.7:99", "TCP [2001:db8::1]:80", "UDP 10.0.0.5:5060", "UDP [2001:db8::53]:53", "UDP 10.0.0.6:53",
                "TCP 10.0.0.1:0", "TCP 200.0.0.1:80", "TCP 10.0.0.1:80", "FWM 5", "FWM 6"), listing.lines()
                .filter(l -> !l.startsWith(" ") && !l.startsWith("Prot")).map(l -> String.join(" ", List.of(l.split(" +")).subList(0, 2)))
                .toList());
    }

    @Test
    void statsAndRates() {
        Stats stats = new Stats(1, 123456789L, 1_234_567_890L, 123_456_789_012L, 123_456_789_012_345L, 7, 8, 9, 100_000_000L, -1L);
        Service s = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).stats(stats).build();
        Destination d = Destination.builder().address(ip("10.1.1.2")).port(80).stats(stats).build();
        StringBuilder sb = new StringBuilder();
        new IpvsadmText(EnumSet.of(Format.NUMERIC, Format.STATS), false).service(sb, s, List.of(d));
        assertEquals("TCP  10.0.0.1:80                         1  123456K    1234M     123G     123T\n"
                + "  -> 10.1.1.2:80                         1  123456K    1234M     123G     123T\n", sb.toString());
        sb.setLength(0);
        new IpvsadmText(EnumSet.of(Format.NUMERIC, Format.STATS, Format.EXACT), false).service(sb, s, List.of(d));
        assertEquals("TCP  10.0.0.1:80                         1 123456789 1234567890 123456789012 123456789012345\n"
                + "  -> 10.1.1.2:80                         1 123456789 1234567890 123456789012 123456789012345\n", sb.toString());
        sb.setLength(0);
        new IpvsadmText(EnumSet.of(Format.NUMERIC, Format.RATE), false).service(sb, s, List.of(d));
        assertEquals("TCP  10.0.0.1:80                         7        8        9  100000K18446744T\n"
                + "  -> 10.1.1.2:80                         7        8        9  100000K18446744T\n", sb.toString());
        assertEquals("Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n  -> RemoteAddress:Port\n",
                new IpvsadmText(EnumSet.of(Format.STATS), false).title());
        assertEquals("Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n  -> RemoteAddress:Port\n",
                new IpvsadmText(EnumSet.of(Format.RATE), false).title());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "0|false|        0", "99999999|false| 99999999", "100000000|false|  100000K", "999999999|false|  999999K",
            "1000000000|false|    1000M", "99999999999|false|   99999M", "100000000000|false|     100G",
            "99999999999999|false|   99999G", "100000000000000|false|     100T", "-1|false|18446744T",
            "0|true|        0", "12345678|true| 12345678", "123456789|true| 123456789", "-1|true| 18446744073709551615"})
    void largeNumbers(long value, boolean exact, String expected) {
        StringBuilder sb = new StringBuilder();
        IpvsadmText.largeNumber(sb, value, exact);
        assertEquals(expected, sb.toString());
    }

    @Test
    void headerTimeoutsAndDaemons() {
        assertEquals("IP Virtual Server version 1.2.1 (size=4096)\n", IpvsadmText.header(new Info(0x010201, 4096)));
        assertEquals("Timeout (tcp tcpfin udp): 900 120 300\n",
                IpvsadmText.timeouts(new Config(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300))));
        assertEquals("master sync daemon (mcast=dummy0, syncid=7, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)\n",
                IpvsadmText.daemon(new DaemonConfig(DaemonConfig.State.MASTER, "dummy0", 7, 1472, ip("224.0.0.81"), 8848, 1)));
        assertEquals("backup sync daemon (mcast=eth0, syncid=0, group=ff02::1:2)\n",
                IpvsadmText.daemon(new DaemonConfig(DaemonConfig.State.BACKUP, "eth0", 0, 0, ip("ff02::1:2"), 0, 0)));
    }

    @Test
    void firewallMarksAboveTwoToTheThirtyOnePrintNegative() {
        Service s = Service.builder().fwMark(4294967295L).addressFamily(AddressFamily.INET).build();
        StringBuilder sb = new StringBuilder();
        new IpvsadmText(EnumSet.of(Format.NUMERIC), false).service(sb, s, List.of());
        assertEquals("FWM  -1 wlc\n", sb.toString());
        sb.setLength(0);
        new IpvsadmText(EnumSet.of(Format.NUMERIC), true).service(sb, s, List.of());
        assertEquals("-A -f -1 -s wlc\n", sb.toString());
    }

    @Test
    void localAndBypassServers() {
        StringBuilder sb = new StringBuilder();
        Service s = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).build();
        new IpvsadmText(EnumSet.of(Format.NUMERIC), false).service(sb, s, List.of(dest("10.1.1.1", 80, ForwardingMethod.LOCAL, 1),
                dest("10.1.1.2", 80, ForwardingMethod.BYPASS, 1)));
        assertEquals("TCP  10.0.0.1:80 wlc\n"
                + "  -> 10.1.1.1:80                  Local   1      0          0         \n"
                + "  -> 10.1.1.2:80                  (null)  1      0          0         \n", sb.toString());
        sb.setLength(0);
        new IpvsadmText(EnumSet.of(Format.NUMERIC), true).service(sb, s, List.of(dest("10.1.1.1", 80, ForwardingMethod.LOCAL, 1)));
        assertEquals("-A -t 10.0.0.1:80 -s wlc\n-a -t 10.0.0.1:80 -r 10.1.1.1:80 -g -w 1\n", sb.toString());
    }

    @Test
    void namesWithoutNumeric() {
        StringBuilder sb = new StringBuilder();
        Service s = Service.builder().protocol(Protocol.TCP).address(ip("127.0.0.1")).port(80).build();
        new IpvsadmText(EnumSet.noneOf(Format.class), false).service(sb, s, List.of(dest("10.1.1.2", 8080, ForwardingMethod.MASQUERADE, 1)));
        assertEquals("TCP  localhost:http wlc\n  -> 10.1.1.2:http-alt            Masq    1      0          0         \n", sb.toString());
    }

    /**
     * The comparison's signed wrap-around: 200.0.0.1 sorts before 10.0.0.1, but 10.0.0.1 before
     * 128.0.0.1 and 128.0.0.1 before 200.0.0.1; the result then depends on the input order, as
     * glibc's merge sort gives it.
     */
    @Test
    void sortOrderWrapsAround() {
        assertEquals(List.of("200.0.0.1", "10.0.0.1"), sorted("10.0.0.1", "200.0.0.1"));
        assertEquals(List.of("10.0.0.1", "128.0.0.1", "200.0.0.1"), sorted("10.0.0.1", "128.0.0.1", "200.0.0.1"));
        assertEquals(List.of("200.0.0.1", "10.0.0.1", "128.0.0.1"), sorted("200.0.0.1", "10.0.0.1", "128.0.0.1"));
        assertEquals(List.of("127.255.255.255", "128.0.0.1"), sorted("128.0.0.1", "127.255.255.255"));
        assertEquals(List.of("255.255.255.255", "0.0.0.0"), sorted("0.0.0.0", "255.255.255.255"));
    }

    private static List<String> sorted(String... addresses) {
        List<Service> services = new ArrayList<>();
        for (String a : addresses) {
            services.add(Service.builder().protocol(Protocol.TCP).address(ip(a)).port(80).build());
        }
        IpvsadmOrder.sort(services, IpvsadmOrder.SERVICES);
        return services.stream().map(s -> s.address().getHostAddress()).toList();
    }
}
