// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading whole tables and reconciling the kernel's table with a desired one, in the test VM. */
@Tag("kernel-vm")
class IpvsSyncVmTest {
    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClassFlushed();

    static final Service WEB = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR).build();
    static final Service DNS = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.1")).port(53).scheduler(Scheduler.RR).build();
    static final Service STICKY = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.2")).port(443).scheduler(Scheduler.LC)
            .persistent(300).netmask(Netmask.ofPrefix(24)).build();
    static final Service MARK = Service.builder().fwMark(7).addressFamily(AddressFamily.INET).scheduler(Scheduler.SH)
            .flags(ServiceFlags.SCHED1).build();
    static final Service WEB6 = Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(80).scheduler(Scheduler.WLC).build();

    static Destination dest(String address, int port, int weight) {
        return Destination.builder().address(ip(address)).port(port).weight(weight).build();
    }

    static IpvsTable first() {
        return IpvsTable.builder()
                .add(WEB, dest("10.1.1.2", 8080, 10), dest("10.1.1.3", 8080, 10), dest("10.1.1.4", 8080, 5))
                .add(DNS, dest("10.1.1.2", 53, 1), dest("10.1.1.3", 53, 1))
                .add(STICKY, dest("10.1.1.5", 443, 1))
                .add(MARK, Destination.builder().address(ip("10.1.1.6")).port(0).forwardingMethod(ForwardingMethod.DIRECT_ROUTE).build())
                .add(WEB6, dest("2001:db8:1::2", 8080, 3), dest("2001:db8:1::3", 8080, 3))
                .build();
    }

    /** What ipvsadm -Sn prints, as a set of lines (ipvsadm's own order is the kernel's hash order). */
    static Set<String> saved() {
        return new TreeSet<>(ns.ipvsadm("-S", "-n").lines().toList());
    }

    @Test
    void fromEmptyEveryServiceAndDestinationIsCreatedOnce() {
        IpvsTable desired = first();
        IpvsBatch.Result result = ns.ipvs.sync(desired);
        assertTrue(result.allSucceeded(), result::toString);
        assertEquals(desired.serviceCount() + desired.destinationCount(), result.size());

        IpvsTable read = ns.ipvs.getTable();
        assertTrue(read.sameSettings(desired), () -> String.valueOf(read.changesTo(desired)));
        assertEquals(Set.copyOf(desired.services()), Set.copyOf(read.services().stream().map(Service::withoutStats).toList()));
        assertEquals(new TreeSet<>(List.of(
                "-A -t 10.0.0.1:80 -s wrr",
                "-a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 10",
                "-a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 10",
                "-a -t 10.0.0.1:80 -r 10.1.1.4:8080 -m -w 5",
                "-A -u 10.0.0.1:53 -s rr",
                "-a -u 10.0.0.1:53 -r 10.1.1.2:53 -m -w 1",
                "-a -u 10.0.0.1:53 -r 10.1.1.3:53 -m -w 1",
                "-A -t 10.0.0.2:443 -s lc -p 300 -M 255.255.255.0",
                "-a -t 10.0.0.2:443 -r 10.1.1.5:443 -m -w 1",
                "-A -f 7 -s sh -b sh-fallback",
                "-a -f 7 -r 10.1.1.6:0 -g -w 1",
                "-A -t [2001:db8::1]:80 -s wlc",
                "-a -t [2001:db8::1]:80 -r [2001:db8:1::2]:8080 -m -w 3",
                "-a -t [2001:db8::1]:80 -r [2001:db8:1::3]:8080 -m -w 3")), saved(), "ipvsadm sees the desired table");

        IpvsBatch.Result again = ns.ipvs.sync(desired);
        assertEquals(0, again.size(), "a table that is as desired gets no request");
        assertEquals(0, again.datagramsSent());
    }

    @Test
    void onlyWhatDiffersIsSent() {
        assertTrue(ns.ipvs.sync(first()).allSucceeded());
        Service webRr = WEB.toBuilder().scheduler(Scheduler.RR).build();
        Service stickyLonger = STICKY.toBuilder().timeout(600).build();
        Service api = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.3")).port(8443).build();
        IpvsTable desired = IpvsTable.builder()
                .add(webRr, dest("10.1.1.2", 8080, 10), dest("10.1.1.3", 8080, 0), dest("10.1.1.7", 8080, 10))
                .add(DNS, dest("10.1.1.2", 53, 1), dest("10.1.1.3", 53, 1))
                .add(stickyLonger, dest("10.1.1.5", 443, 1))
                .add(MARK, Destination.builder().address(ip("10.1.1.6")).port(0).forwardingMethod(ForwardingMethod.TUNNEL).build())
                .add(api, dest("10.1.1.8", 8443, 1))
                .build();
        List<IpvsChange> planned = ns.ipvs.getTable().changesTo(desired);
        assertEquals(List.of(
                "IpvsChange[DEL_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.4:8080]",
                "IpvsChange[DEL_SERVICE TCP [2001:db8::1]:80]",
                "IpvsChange[UPDATE_SERVICE TCP 10.0.0.1:80]",
                "IpvsChange[UPDATE_SERVICE TCP 10.0.0.2:443]",
                "IpvsChange[NEW_SERVICE TCP 10.0.0.3:8443]",
                "IpvsChange[UPDATE_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.3:8080]",
                "IpvsChange[UPDATE_DESTINATION FWM 7 (IPv4) -> 10.1.1.6:0]",
                "IpvsChange[NEW_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.7:8080]",
                "IpvsChange[NEW_DESTINATION TCP 10.0.0.3:8443 -> 10.1.1.8:8443]"), planned.stream().map(Object::toString).toList());
        assertEquals(10, planned.get(5).previousDestination().orElseThrow().weight(), "the previous settings are the kernel's");

        IpvsBatch.Result result = ns.ipvs.sync(desired);
        assertTrue(result.allSucceeded(), result::toString);
        assertEquals(planned.size(), result.size());
        assertTrue(ns.ipvs.getTable().sameSettings(desired));
        Set<String> lines = saved();
        assertTrue(lines.contains("-A -t 10.0.0.1:80 -s rr"), lines::toString);
        assertTrue(lines.contains("-a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 0"), lines::toString);
        assertTrue(lines.contains("-A -t 10.0.0.2:443 -s lc -p 600 -M 255.255.255.0"), lines::toString);
        assertTrue(lines.contains("-a -f 7 -r 10.1.1.6:0 -i -w 1 --tun-type ipip"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.contains("2001:db8") || l.contains("10.1.1.4")), lines::toString);
        assertEquals(0, ns.ipvs.sync(desired).size());

        assertEquals(desired.serviceCount(), ns.ipvs.sync(IpvsTable.empty()).size(), "emptying deletes services only");
        assertTrue(ns.ipvs.getTable().isEmpty());
    }

    @Test
    void aRefusedChangeIsReportedAndTheRestIsApplied() {
        Service odd = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.9")).port(80).scheduler(Scheduler.of("nosuch")).build();
        IpvsTable desired = IpvsTable.builder()
                .add(WEB, dest("10.1.1.2", 8080, 10))
                .add(odd, dest("10.1.1.2", 80, 1))
                .add(DNS)
                .build();
        IpvsBatch.Result result = ns.ipvs.sync(desired);
        // Services first (web, odd, dns), then destinations (web's, odd's).
        assertEquals(5, result.size());
        assertTrue(result.succeeded(0), result::toString);
        assertInstanceOf(UnknownSchedulerException.class, result.failure(1).orElseThrow().exception());
        assertEquals("IPVS NEW_SERVICE TCP 10.0.0.9:80", result.failure(1).orElseThrow().operation());
        assertEquals(IpvsChange.Kind.NEW_SERVICE, result.failure(1).orElseThrow().change().orElseThrow().kind());
        assertTrue(result.succeeded(2), result::toString);
        assertTrue(result.succeeded(3), result::toString);
        assertInstanceOf(NoSuchServiceException.class, result.failure(4).orElseThrow().exception());
        assertEquals("IPVS NEW_DEST TCP 10.0.0.9:80 -> 10.1.1.2:80", result.failure(4).orElseThrow().operation());
        assertEquals(List.of(1, 4), result.failures().stream().map(IpvsBatch.Failure::index).toList());

        IpvsTable read = ns.ipvs.getTable();
        assertFalse(read.contains(odd));
        List<IpvsChange> left = read.changesTo(desired);
        assertEquals(List.of("IpvsChange[NEW_SERVICE TCP 10.0.0.9:80]", "IpvsChange[NEW_DESTINATION TCP 10.0.0.9:80 -> 10.1.1.2:80]"),
                left.stream().map(Object::toString).toList(), "what failed is what the next sync would try again");
    }

    @Test
    void aScopedSyncLeavesOtherServicesAlone() {
        // Someone else's service, with a destination, in the same table.
        ns.ipvsadm("-A", "-t", "10.0.0.9:80", "-s", "rr");
        ns.ipvsadm("-a", "-t", "10.0.0.9:80", "-r", "10.1.1.9:80", "-m", "-w", "4");
        java.util.function.Predicate<Service> mine = s -> !s.isFwMark() && s.address().equals(ip("10.0.0.1"));
        IpvsTable desired = IpvsTable.builder().add(WEB, dest("10.1.1.2", 8080, 10)).add(DNS).build();

        IpvsBatch.Result result = ns.ipvs.sync(desired, mine);
        assertTrue(result.allSucceeded(), result::toString);
        assertEquals(3, result.size(), "two services and a destination; the other service is not deleted");
        assertTrue(saved().containsAll(List.of("-A -t 10.0.0.9:80 -s rr", "-a -t 10.0.0.9:80 -r 10.1.1.9:80 -m -w 4")), saved()::toString);
        assertTrue(ns.ipvs.getTable(mine).sameSettings(desired));
        assertEquals(1, ns.ipvs.getTable(s -> !mine.test(s)).serviceCount());

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ns.ipvs.sync(IpvsTable.builder().add(STICKY).build(), mine));
        assertEquals("desired service TCP 10.0.0.2:443 is outside the scope (expected: only services the scope accepts)", e.getMessage());

        assertEquals(2, ns.ipvs.sync(IpvsTable.empty(), mine).size(), "emptying the scope deletes its two services");
        assertEquals(new TreeSet<>(List.of("-A -t 10.0.0.9:80 -s rr", "-a -t 10.0.0.9:80 -r 10.1.1.9:80 -m -w 4")), saved());
    }

    @Test
    void aTableChangedByIpvsadmIsReadAsItIs() {
        ns.ipvsadm("-A", "-t", "10.0.0.1:80", "-s", "wrr");
        ns.ipvsadm("-a", "-t", "10.0.0.1:80", "-r", "10.1.1.2:8080", "-m", "-w", "10");
        ns.ipvsadm("-A", "-f", "7", "-s", "sh", "-b", "sh-fallback");
        ns.ipvsadm("-a", "-f", "7", "-r", "10.1.1.6", "-g");
        IpvsTable expected = IpvsTable.builder()
                .add(WEB, dest("10.1.1.2", 8080, 10))
                .add(MARK, Destination.builder().address(ip("10.1.1.6")).port(0).forwardingMethod(ForwardingMethod.DIRECT_ROUTE).build())
                .build();
        IpvsTable read = ns.ipvs.getTable();
        assertEquals(List.of(), read.changesTo(expected));
        assertEquals(2, read.serviceCount());
        assertEquals(2, read.destinationCount());
    }
}
