// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Command;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Listing;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.TunnelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ipvsadm option, its spellings, defaults and ipvsadm's own checks. */
class IpvsadmParserTest {
    static IpvsadmCommand parse(String line) {
        return IpvsadmParser.parse(List.of(line.split(" ")));
    }

    static CliException error(String line) {
        return assertThrows(CliException.class, () -> parse(line));
    }

    static void assertError(String line, int exitCode, String message) {
        CliException e = error(line);
        assertEquals(message, e.getMessage(), line);
        assertEquals(exitCode, e.exitCode(), line);
        assertEquals("netlink4j ipvs", e.helpCommand());
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "-A -t 10.0.0.1:80, ADD_SERVICE", "--add-service -t 10.0.0.1:80, ADD_SERVICE",
            "-E -t 10.0.0.1:80, EDIT_SERVICE", "--edit-service -t 10.0.0.1:80, EDIT_SERVICE",
            "-D -t 10.0.0.1:80, DEL_SERVICE", "--delete-service -t 10.0.0.1:80, DEL_SERVICE",
            "-C, FLUSH", "--clear, FLUSH", "-R, RESTORE", "--restore, RESTORE", "-S, SAVE", "--save, SAVE",
            "-a -t 10.0.0.1:80 -r 10.1.1.2, ADD_SERVER", "--add-server -t 10.0.0.1:80 -r 10.1.1.2, ADD_SERVER",
            "-e -t 10.0.0.1:80 -r 10.1.1.2, EDIT_SERVER", "--edit-server -t 10.0.0.1:80 -r 10.1.1.2, EDIT_SERVER",
            "-d -t 10.0.0.1:80 -r 10.1.1.2, DELETE_SERVER", "--delete-server -t 10.0.0.1:80 -r 10.1.1.2, DELETE_SERVER",
            "-L, LIST", "-l, LIST", "--list, LIST", "-Z, ZERO", "--zero, ZERO", "--set 1 2 3, SET",
            "--start-daemon master, START_DAEMON", "--stop-daemon backup, STOP_DAEMON",
            "-h, HELP", "--help, HELP", "-v, VERSION", "--version, VERSION", "-h -x, HELP", "-hx, HELP", "-v --foo, VERSION"})
    void commands(String line, Command command) {
        assertEquals(command, parse(line).command());
    }

    @Test
    void tcpUdpSctpAndFirewallMarkServices() {
        Service tcp = parse("-A -t 10.0.0.1:80").service();
        assertEquals(Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WLC).build(), tcp);
        assertEquals(Protocol.UDP, parse("-A --udp-service 10.0.0.1:53").service().protocol());
        assertEquals(Protocol.UDP, parse("-A -u 10.0.0.1:53").service().protocol());
        assertEquals(Protocol.SCTP, parse("-A --sctp-service 10.0.0.1:99").service().protocol());
        assertEquals(Protocol.TCP, parse("-A --tcp-service 10.0.0.1:80").service().protocol());
        Service mark = parse("-A -f 7").service();
        assertEquals(7, mark.fwMark());
        assertEquals(AddressFamily.INET, mark.addressFamily());
        assertEquals(32, mark.netmask().prefixLength().orElse(-1));
        assertEquals(4294967295L, parse("-A --fwmark-service 4294967295").service().fwMark());
        Service mark6 = parse("-A -f 7 -6").service();
        assertEquals(AddressFamily.INET6, mark6.addressFamily());
        assertEquals(128, mark6.netmask().prefixLength().orElse(-1));
        assertEquals(AddressFamily.INET6, parse("-A -f 7 --ipv6").service().addressFamily());
    }

    @Test
    void serviceAddresses() {
        assertEquals(ip("2001:db8::1"), parse("-A -t [2001:db8::1]:80").service().address());
        assertEquals(80, parse("-A -t [2001:db8::1]:80").service().port());
        assertEquals(128, parse("-A -t [2001:db8::1]:80").service().netmask().prefixLength().orElse(-1));
        // A bare IPv6 address has no port.
        Service bare = parse("-A -t 2001:db8::5:80 -p").service();
        assertEquals(ip("2001:db8::5:80"), bare.address());
        assertEquals(0, bare.port());
        assertEquals(ip("127.0.0.1"), parse("-A -t 127.1:80").service().address());
        assertEquals(ip("10.0.0.1"), parse("-A -t 0x0a.0.0.1:80").service().address());
        assertEquals(ip("10.0.0.1"), parse("-A -t 012.0.0.1:80").service().address());
        assertEquals(ip("127.0.0.1"), parse("-A -t localhost:80").service().address());
        assertEquals(80, parse("-A -t 10.0.0.1:http").service().port());
        assertEquals(53, parse("-A -u 10.0.0.1:domain").service().port());
        assertEquals(85, parse("-A -t 10.0.0.1:+85").service().port());
        assertEquals(65535, parse("-A -t 10.0.0.1:65535").service().port());
        // ipvsadm takes the port after the last colon inside brackets that do not hold IPv6: here none.
        assertError("-A -t [10.0.0.1]:80", 2, "Zero port specified for non-persistent service");
        Service mapped = parse("-A -t [::ffff:10.0.0.1]:80").service();
        assertEquals(AddressFamily.INET6, mapped.addressFamily());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-A -t 10.0.0.1:65536", "-A -t 10.0.0.1:-1", "-A -u 10.0.0.1:http", "-A -t 10.0.0.1:nosuchport",
            "-A -t [::1]", "-A -t [::1]80", "-A -t [fe80::1%lo]:80", "-A -t 80", "-A -t 10.0.0.1:", "-A -t no.such.host.invalid:80"})
    void badServiceAddresses(String line) {
        assertError(line, 2, "illegal virtual server address[:port] specified");
    }

    @Test
    void schedulerPersistenceNetmaskEngineFlags() {
        Service s = parse("-A -t 10.0.0.1:80 -s wrr -p 300 -M 255.255.255.0 --pe sip -b flag-1,flag-3").service();
        assertEquals("wrr", s.scheduler().name());
        assertTrue(s.isPersistent());
        assertEquals(300, s.timeout());
        assertEquals(24, s.netmask().prefixLength().orElse(-1));
        assertEquals(Optional.of(PersistenceEngine.SIP), s.persistenceEngine());
        assertEquals(ServiceFlags.PERSISTENT | ServiceFlags.SCHED1 | ServiceFlags.SCHED3, s.flags());
        Service l = parse("-A --tcp-service 10.0.0.1:80 --scheduler rr --persistent=70 --netmask 255.255.0.0 --sched-flags flag-2").service();
        assertEquals("rr", l.scheduler().name());
        assertEquals(70, l.timeout());
        assertEquals(16, l.netmask().prefixLength().orElse(-1));
        assertEquals(ServiceFlags.PERSISTENT | ServiceFlags.SCHED2, l.flags());
        assertEquals("abcdefghijklmno", parse("-A -t 10.0.0.1:80 -s abcdefghijklmnopqrstuv").service().scheduler().name());
        assertEquals(ServiceFlags.ONEPACKET, parse("-A -u 10.0.0.1:53 -o").service().flags());
        assertEquals(ServiceFlags.ONEPACKET, parse("-A -u 10.0.0.1:53 --ops").service().flags());
        assertEquals(ServiceFlags.SCHED1 | ServiceFlags.SCHED2, parse("-A -u 10.0.0.1:53 -s sh -b sh-port,sh-fallback").service().flags());
        assertEquals(ServiceFlags.SCHED1 | ServiceFlags.SCHED2, parse("-A -u 10.0.0.1:53 -s mh -b mh-fallback,mh-port").service().flags());
    }

    @Test
    void persistenceTimeoutIsOptional() {
        assertEquals(360, parse("-A -t 10.0.0.1:80 -p").service().timeout());
        assertEquals(360, parse("-A -t 10.0.0.1:80 -p -s rr").service().timeout());
        assertEquals(60, parse("-A -t 10.0.0.1:80 -p60").service().timeout());
        assertEquals(80, parse("-A -t 10.0.0.1:80 --persistent 80").service().timeout());
        assertEquals(2678400, parse("-A -t 10.0.0.1:80 -p 2678400").service().timeout());
        assertEquals(0, parse("-A -t 10.0.0.1:0 -p").service().port());
        assertError("-A -t 10.0.0.1:80 -p rr", 2, "invalid timeout value `rr' specified");
        assertError("-A -t 10.0.0.1:80 -p 0", 2, "invalid timeout value `0' specified");
        assertError("-A -t 10.0.0.1:80 -p 2678401", 2, "invalid timeout value `2678401' specified");
    }

    @Test
    void netmasks() {
        assertEquals(0, parse("-A -t 10.0.0.1:80 -p -M 0.0.0.0").service().netmask().prefixLength().orElse(-1));
        assertEquals(8, parse("-A -t 10.0.0.1:80 -p -M 4278190080").service().netmask().prefixLength().orElse(-1));
        Service odd = parse("-A -t 10.0.0.1:80 -p -M 255").service();
        assertEquals(-1, odd.netmask().prefixLength().orElse(-1));
        assertEquals(0x000000FF, odd.netmask().value());
        assertEquals(64, parse("-A -t [2001:db8::1]:80 -p -M 64").service().netmask().prefixLength().orElse(-1));
        assertEquals(48, parse("-A -f 7 -6 -p -M 48").service().netmask().prefixLength().orElse(-1));
        // -M before an IPv6 service is read as an IPv4 mask, and the service then resets it.
        assertEquals(128, parse("-A -M 64 -t [2001:db8::1]:80 -p").service().netmask().prefixLength().orElse(-1));
        assertEquals(128, parse("-A -f 7 -M 64 -6 -p").service().netmask().prefixLength().orElse(-1));
        assertError("-A -t [2001:db8::1]:80 -M 129", 2, "illegal ipv6 netmask specified");
        assertError("-A -t [2001:db8::1]:80 -M 0", 2, "illegal ipv6 netmask specified");
        assertError("-A -t 10.0.0.1:80 -M 1.2.3.4.5", 2, "illegal virtual server persistent mask specified");
        assertEquals(0xFF00FF00, parse("-A -t 10.0.0.1:80 -p -M 255.0.255.0").service().netmask().value());
    }

    @Test
    void realServers() {
        IpvsadmCommand c = parse("-a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 5 -x 100 -y 50");
        assertEquals(Destination.builder().address(ip("10.1.1.2")).port(8080).weight(5).forwardingMethod(ForwardingMethod.MASQUERADE)
                .upperThreshold(100).lowerThreshold(50).build(), c.destination());
        // Without a port, the service's; direct routing and tunnels always use the service's.
        assertEquals(80, parse("-a -t 10.0.0.1:80 -r 10.1.1.2 -m").destination().port());
        assertEquals(80, parse("-a -t 10.0.0.1:80 -r 10.1.1.2:8080 -g").destination().port());
        assertEquals(80, parse("-a -t 10.0.0.1:80 -r 10.1.1.2:8080 -i").destination().port());
        assertEquals(8080, parse("-a -f 5 -r 10.1.1.2:8080 -g").destination().port());
        // A server given before the service takes the port known so far: none.
        assertEquals(0, parse("-a -r 10.1.1.2 -t 10.0.0.1:80 -m").destination().port());
        assertEquals(ForwardingMethod.DIRECT_ROUTE, parse("-a -t 10.0.0.1:80 -r 10.1.1.2").destination().forwardingMethod());
        assertEquals(ForwardingMethod.DIRECT_ROUTE, parse("-a -t 10.0.0.1:80 -r 10.1.1.2 --gatewaying").destination().forwardingMethod());
        assertEquals(ForwardingMethod.TUNNEL, parse("-a -t 10.0.0.1:80 -r 10.1.1.2 --ipip").destination().forwardingMethod());
        assertEquals(ForwardingMethod.MASQUERADE, parse("-a -t 10.0.0.1:80 --real-server 10.1.1.2 --masquerading").destination().forwardingMethod());
        assertEquals(1, parse("-a -t 10.0.0.1:80 -r 10.1.1.2").destination().weight());
        assertEquals(Integer.MAX_VALUE, parse("-a -t 10.0.0.1:80 -r 10.1.1.2 --weight 2147483647").destination().weight());
        assertEquals(7, parse("-a -t 10.0.0.1:80 -r 10.1.1.2 -w +7").destination().weight());
        Destination t = parse("-a -t 10.0.0.1:80 -r 10.1.1.2 --u-threshold 9 --l-threshold 2").destination();
        assertEquals(9, t.upperThreshold());
        assertEquals(2, t.lowerThreshold());
        assertEquals(ip("2001:db8:1::5"), parse("-a -t 10.0.0.1:80 -r [2001:db8:1::5]:80 -i").destination().address());
        assertEquals(80, parse("-a -t 10.0.0.1:http -r 10.1.1.2:http -m").destination().port());
        assertEquals(8080, parse("-a -t 10.0.0.1:80 -r 10.1.1.2:http-alt -m").destination().port());
    }

    @Test
    void tunnels() {
        Destination gue = parse("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gue --tun-port 6080 --tun-csum").destination();
        assertEquals(TunnelType.GUE, gue.tunnelType());
        assertEquals(6080, gue.tunnelPort());
        assertEquals(TunnelFlags.CSUM, gue.tunnelFlags());
        assertEquals(TunnelFlags.REMCSUM,
                parse("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gue --tun-port 1 --tun-remcsum").destination().tunnelFlags());
        Destination gre = parse("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gre --tun-nocsum").destination();
        assertEquals(TunnelType.GRE, gre.tunnelType());
        assertEquals(0, gre.tunnelFlags());
        assertEquals(TunnelType.IPIP, parse("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type ipip").destination().tunnelType());
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gue", 2, "You need to supply the 'tun-port' option for the 'gue' tunnel type");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gre --tun-remcsum", 2,
                "Illegal 'tun-remcsum' option with the 'gre' tunnel type");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-port 5", 2, "Illegal 'tun-port' option with the 'ipip' tunnel type");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gue --tun-port 1 --tun-csum --tun-nocsum", 2,
                "The option 'tun-csum' conflicts with the 'tun-nocsum' option in the 'gue' tunnel type");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 --tun-type gue", 2, "Tunnel options conflict with forward method");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type foo", 2, "illegal tunnel type specified (expected ipip, gue or gre)");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -i --tun-type gue --tun-port 0", 2, "illegal tunnel port specified");
        assertError("-a -t 10.0.0.1:80 -r [2001:db8::2]:80 -m", 2, "Different address family is allowed only for tunneling servers");
    }

    @Test
    void listingOptions() {
        IpvsadmCommand c = parse("-L -n --stats --rate --exact --thresholds --persistent-conn --tun-info --nosort --sort");
        assertEquals(Listing.ALL, c.listing());
        assertEquals(Set.of(Format.values()), c.format());
        assertEquals(Set.of(Format.NUMERIC, Format.EXACT), parse("-Ln -X").format());
        assertEquals(Set.of(Format.NUMERIC), parse("--list --numeric").format());
        assertEquals(Listing.SERVICE, parse("-L -t 10.0.0.1:80").listing());
        assertEquals(Listing.TIMEOUTS, parse("-L --timeout").listing());
        assertEquals(Listing.DAEMONS, parse("-L --daemon").listing());
        assertEquals(Listing.CONNECTIONS, parse("-Lc").listing());
        assertEquals(Listing.CONNECTIONS, parse("-L --connection -n --persistent-conn").listing());
        assertEquals(Listing.CONNECTIONS, parse("-Lcn --json").listing());
        assertEquals(Set.of(Format.NUMERIC), parse("-S -n").format());
        assertTrue(parse("-L --json").json());
        assertFalse(parse("-L").json());
        assertEquals("/proc/1/ns/net", parse("-L --netns /proc/1/ns/net").netns());
        assertError("--netns blue -L", 255, "no command given: the first option must be a command such as -A, -a, -L or -S");
    }

    @Test
    void timeoutsAndDaemons() {
        assertEquals(Duration.ofSeconds(10), parse("--set 10 20 30").timeouts().timeoutTcp());
        assertEquals(Duration.ofSeconds(20), parse("--set 10 20 30").timeouts().timeoutTcpFin());
        assertEquals(Duration.ofSeconds(30), parse("--set 10 20 30").timeouts().timeoutUdp());
        assertEquals(Duration.ZERO, parse("--set 0 0 0").timeouts().timeoutUdp());
        DaemonConfig d = parse("--start-daemon backup --mcast-interface dummy0 --syncid 3 --mcast-group 239.1.2.3 --mcast-port 9000"
                + " --mcast-ttl 5 --sync-maxlen 1000").daemon();
        assertEquals(new DaemonConfig(DaemonConfig.State.BACKUP, "dummy0", 3, 1000, ip("239.1.2.3"), 9000, 5), d);
        assertEquals(new DaemonConfig(DaemonConfig.State.MASTER, "eth0", 0, 0, null, 0, 0), parse("--start-daemon master").daemon());
        assertEquals("abcdefghijklmno", parse("--start-daemon master --mcast-interface abcdefghijklmnopq").daemon().multicastInterface());
        assertEquals(ip("ff02::1:2"), parse("--start-daemon master --mcast-group ff02::1:2").daemon().multicastGroup());
        assertEquals(DaemonConfig.State.BACKUP, parse("--stop-daemon backup").daemonState());
        assertEquals(DaemonConfig.State.MASTER, parse("--stop-daemon master --syncid 1").daemonState());
        assertError("--start-daemon foo", 2, "illegal start-daemon parameter specified (expected master or backup)");
        assertError("--start-daemon master --syncid 256", 2, "illegal syncid specified");
        assertError("--start-daemon master --mcast-group 10.0.0.1", 2, "invalid IPv4 mcast-group `10.0.0.1'");
        assertError("--start-daemon master --mcast-group 2001:db8::1", 2, "invalid IPv6 mcast-group `2001:db8::1'");
        assertError("--start-daemon master --mcast-port 0", 2, "illegal mcast-port specified");
        assertError("--start-daemon master --mcast-ttl 256", 2, "illegal mcast-ttl specified");
        assertError("--start-daemon master --sync-maxlen 65508", 2, "illegal sync-maxlen specified");
        assertError("--stop-daemon master --mcast-interface eth1", 2, "Illegal 'mcast-interface' option with the 'stop-daemon' command");
    }

    @Test
    void zeroAndDelete() {
        assertNull(parse("-Z").service());
        assertEquals(80, parse("-Z -t 10.0.0.1:80").service().port());
        assertEquals(ip("10.1.1.2"), parse("-d -t 10.0.0.1:80 -r 10.1.1.2:8080").destination().address());
        // Deleting keeps the given port: only adding and editing force the service's.
        assertEquals(8080, parse("-d -t 10.0.0.1:80 -r 10.1.1.2:8080").destination().port());
    }

    @Test
    void optionTableAndCommandChecks() {
        assertError("-A", 2, "You need to supply the 'service-address' option for the 'add-service' command");
        assertError("-a -t 10.0.0.1:80", 2, "You need to supply the 'real-server' option for the 'add-server' command");
        assertError("-C -n", 2, "Illegal 'numeric' option with the 'flush' command");
        assertError("-D -t 10.0.0.1:80 -s rr", 2, "Illegal 'scheduler' option with the 'delete-service' command");
        assertError("-d -t 10.0.0.1:80 -r 10.1.1.2 -w 3", 2, "Illegal 'weight' option with the 'delete-server' command");
        assertError("-S -n -t 10.0.0.1:80", 2, "Illegal 'service-address' option with the 'save' command");
        assertError("-R -n", 2, "Illegal 'numeric' option with the 'restore' command");
        assertError("-L --daemon --timeout", 2, "The option 'daemon' conflicts with the 'timeout' option in the 'list' command");
        assertError("-L --timeout --stats", 2, "options conflicts in the list command");
        assertError("-L --daemon --persistent-conn", 2, "options conflicts in the list command");
        assertError("-L -c --stats", 2, "options conflicts in the list command");
        assertError("-A -t 10.0.0.1", 2, "Zero port specified for non-persistent service");
        assertError("-A -t 10.0.0.1:80 -o", 2, "One-Packet Scheduling is only for UDP virtual services");
        assertError("-A -u 10.0.0.1:53 -b sh-port", 2, "incompatible scheduler flag `sh-port'");
        assertError("-A -u 10.0.0.1:53 -s sh -b mh-port", 2, "incompatible scheduler flag `mh-port'");
        assertError("-A -u 10.0.0.1:53 -b flag-4", 2, "invalid scheduler flag `flag-4'");
        assertError("-A -6 -f 7", 2, "-6 used before -f");
        assertError("-A -f 0", 2, "invalid fwmark value `0' specified");
        assertError("-A -f 4294967296", 2, "invalid fwmark value `4294967296' specified");
        assertError("-A -f 12abc", 2, "invalid fwmark value `12abc' specified");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -w 2147483648", 2, "illegal weight specified");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -w -1", 2, "illegal weight specified");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -x 2147483648", 2, "illegal u_threshold specified");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -y x", 2, "illegal l_threshold specified");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -x 5 -y 10", 2,
                "lowerThreshold 10 exceeds upperThreshold 5 (expected: lowerThreshold <= upperThreshold)");
        assertError("-a -t 10.0.0.1:80 -r nosuch.host.invalid", 2, "illegal real server address[:port] specified");
        assertError("-L --json -S", 2, "invalid option `-S' (the command must come first, and only once)");
        assertError("-S --json", 2, "--json applies to the list command (-L) only");
    }

    @Test
    void poptSyntax() {
        assertEquals(Command.ADD_SERVICE, parse("-At 10.0.0.1:80").command());
        assertEquals(80, parse("-At10.0.0.1:80").service().port());
        assertEquals(Set.of(Format.NUMERIC), parse("-Ln").format());
        assertEquals("rr", parse("-A -t 10.0.0.1:80 --scheduler=rr").service().scheduler().name());
        assertEquals(Listing.ALL, parse("-L -n --").listing());
        assertError("-L -n -- foo", 2, "unexpected argument foo");
        assertError("-L foo", 2, "unexpected argument foo");
        assertError("--set 1 2", 2, "--set option requires 3 timeout values");
        assertError("--set 1 2 3 4", 2, "unexpected argument 4");
        assertError("--set 10 20 x", 2, "invalid timeout value `x' specified");
        assertError("-Lnq", 255, "-Lnq: unknown option");
        assertError("--list --foo", 255, "--foo: unknown option");
        assertError("--numeric=1 -L", 255, "--numeric: option does not take an argument");
        assertError("-A -t", 255, "-t: missing argument");
        assertError("-L --netns", 255, "--netns: missing argument");
        assertError("-t 10.0.0.1:80 -A", 255, "no command given: the first option must be a command such as -A, -a, -L or -S");
        assertError("-nL", 255, "no command given: the first option must be a command such as -A, -a, -L or -S");
        assertError("foo", 255, "no command given: the first option must be a command such as -A, -a, -L or -S");
        assertError("-A -t 10.0.0.1:80 -A", 2, "invalid option `-A' (the command must come first, and only once)");
        assertError("-A -t 10.0.0.1:80 -t 10.0.0.2:80", 2, "multiple 'service-address' options specified");
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -m -g", 2, "multiple 'forwarding-method' options specified");
        // A required argument is taken even when it starts with '-'.
        assertError("-a -t 10.0.0.1:80 -r 10.1.1.2 -w -m", 2, "illegal weight specified");
    }
}
