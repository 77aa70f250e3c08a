// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.testsupport.KernelTableModel;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** IpvsTable: building, lookups by identity, and the changes from one table to another. */
class IpvsTableTest {

    /** Seven service identities that overlap across generated tables: TCP, UDP, IPv6, firewall marks. */
    static Service.Builder serviceIdentity(int i) {
        return switch (i) {
            case 0, 1, 2 -> Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80 + i);
            case 3 -> Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.1")).port(80);
            case 4 -> Service.builder().fwMark(1).addressFamily(AddressFamily.INET);
            case 5 -> Service.builder().fwMark(1).addressFamily(AddressFamily.INET6);
            default -> Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(443);
        };
    }

    static final String[] SCHEDULERS = {"rr", "wrr", "sh"};

    /**
     * A table built from random words, each naming a service identity, its settings, which of six
     * destination identities it has and theirs: small universes, so that two tables share most
     * identities and differ in settings.
     */
    static IpvsTable table(List<Long> words) {
        IpvsTable.Builder b = IpvsTable.builder();
        List<Service> seen = new ArrayList<>();
        for (long w : words) {
            Service.Builder sb = serviceIdentity((int) Long.remainderUnsigned(w, 7))
                    .scheduler(Scheduler.of(SCHEDULERS[(int) ((w >>> 3) % 3)]))
                    .flags((w >>> 5 & 1) == 0 ? 0 : ServiceFlags.PERSISTENT)
                    .timeout((w >>> 6) & 1)
                    .noPersistenceEngine();
            if ((w >>> 50 & 1) != 0) {
                sb.persistenceEngine(PersistenceEngine.SIP);
            }
            if ((w >>> 51 & 1) != 0) {
                AddressFamily af = sb.build().addressFamily();
                sb.netmask(Netmask.ofPrefix(af, af.equals(AddressFamily.INET) ? 24 : 64));
            }
            Service s = sb.build();
            if (seen.stream().anyMatch(s::sameIdentity)) {
                continue;
            }
            seen.add(s);
            boolean six = s.addressFamily().equals(AddressFamily.INET6);
            List<Destination> ds = new ArrayList<>();
            for (int d = 0; d < 6; d++) {
                if ((w >>> (7 + d) & 1) == 0) {
                    continue;
                }
                long bits = w >>> (13 + 3 * d);
                long more = w >>> (52 + d);
                Destination.Builder db = Destination.builder().address(ip(six ? "2001:db8:1::" + (2 + d % 3) : "10.1.1." + (2 + d % 3)))
                        .port(d < 3 ? 8080 : 8081)
                        .weight((int) (bits & 3))
                        .forwardingMethod((bits >>> 2 & 1) == 0 ? ForwardingMethod.MASQUERADE : ForwardingMethod.DIRECT_ROUTE);
                if ((more & 1) != 0) {
                    // Thresholds and tunnel settings on the same identity.
                    db.upperThreshold(100).lowerThreshold(10).forwardingMethod(ForwardingMethod.TUNNEL)
                            .tunnelType(d % 2 == 0 ? TunnelType.GUE : TunnelType.GRE).tunnelPort(6080)
                            .tunnelFlags(TunnelFlags.CSUM);
                }
                ds.add(db.build());
            }
            b.add(s, ds);
        }
        return b.build();
    }

    static final Gen<IpvsTable> TABLES = lists().of(longs().all()).ofSizeBetween(0, 12).map(IpvsTableTest::table);

    @Test
    void changesTurnOneTableIntoTheOther() {
        qt().forAll(TABLES, TABLES).checkAssert((from, to) -> {
            List<IpvsChange> changes = from.changesTo(to);
            assertEquals(to, KernelTableModel.apply(from, changes), () -> String.valueOf(changes));
            assertTrue(KernelTableModel.apply(from, changes).sameSettings(to));
        });
    }

    /** The same table, built again with its services and destinations added in the order {@code seed} shuffles them into. */
    static IpvsTable shuffled(IpvsTable t, long seed) {
        Random random = new Random(seed);
        List<Service> services = new ArrayList<>(t.services());
        Collections.shuffle(services, random);
        IpvsTable.Builder b = IpvsTable.builder();
        for (Service s : services) {
            List<Destination> ds = new ArrayList<>(t.destinations(s));
            Collections.shuffle(ds, random);
            if (random.nextBoolean()) {
                b.add(s, ds);
            } else {
                b.add(s);
                ds.forEach(d -> b.addDestination(s, d));
            }
        }
        return b.build();
    }

    @Test
    void listingsAndChangesDoNotDependOnInsertionOrder() {
        qt().forAll(TABLES, TABLES, longs().all()).checkAssert((from, to, seed) -> {
            IpvsTable from2 = shuffled(from, seed);
            IpvsTable to2 = shuffled(to, ~seed);
            assertEquals(from.services(), from2.services());
            for (Service s : from.services()) {
                assertEquals(from.destinations(s), from2.destinations(s));
            }
            assertEquals(from.changesTo(to), from2.changesTo(to2));
            assertEquals(from.hashCode(), from2.hashCode());
        });
    }

    @Test
    void listingsAndChangesComeInTheDocumentedOrder() {
        qt().forAll(TABLES, TABLES).checkAssert((from, to) -> {
            KernelTableModel.assertDocumentedOrder(from);
            KernelTableModel.assertDocumentedOrder(from.filter(IpvsTableTest::owned));
            KernelTableModel.assertDocumentedOrder(from.changesTo(to));
        });
    }

    @Test
    void servicesComeAsIpvsadmSortsThem() {
        // Given in reverse: every key of the order, and addresses that differ in the top bit.
        List<Service> expected = List.of(
                Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(443).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("127.255.255.255")).port(80).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("128.0.0.0")).port(80).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("200.0.0.1")).port(1).build(),
                Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.1")).port(53).build(),
                Service.builder().protocol(Protocol.SCTP).address(ip("9.0.0.1")).port(53).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("::1")).port(80).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(80).build(),
                Service.builder().protocol(Protocol.TCP).address(ip("ff02::1")).port(80).build(),
                Service.builder().fwMark(1).addressFamily(AddressFamily.INET6).build(),
                Service.builder().fwMark(2).addressFamily(AddressFamily.INET).build(),
                Service.builder().fwMark(2).addressFamily(AddressFamily.INET6).build(),
                Service.builder().fwMark(0xFFFFFFFFL).addressFamily(AddressFamily.INET).build());
        IpvsTable.Builder b = IpvsTable.builder();
        for (int i = expected.size() - 1; i >= 0; i--) {
            b.add(expected.get(i));
        }
        IpvsTable t = b.build();
        assertEquals(expected, t.services());
        List<Service> sorted = new ArrayList<>(expected);
        Collections.reverse(sorted);
        sorted.sort(Service.IDENTITY_ORDER);
        assertEquals(expected, sorted);
        assertEquals(expected.stream().map(c -> "IpvsChange[DEL_SERVICE " + c.describe() + "]").toList(),
                t.changesTo(IpvsTable.empty()).stream().map(Object::toString).toList());
    }

    @Test
    void destinationsComeByFamilyAddressAndPort() {
        List<Destination> expected = List.of(
                Destination.builder().address(ip("10.1.1.2")).port(80).build(),
                Destination.builder().address(ip("10.1.1.2")).port(8080).build(),
                Destination.builder().address(ip("10.1.1.10")).port(80).build(),
                Destination.builder().address(ip("192.168.0.1")).port(80).build(),
                Destination.builder().address(ip("2001:db8::2")).port(80).forwardingMethod(ForwardingMethod.TUNNEL).build());
        List<Destination> given = new ArrayList<>(expected);
        Collections.reverse(given);
        IpvsTable t = IpvsTable.builder().add(WEB, given).build();
        assertEquals(expected, t.destinations(WEB));
        assertEquals(expected.stream().map(d -> "IpvsChange[NEW_DESTINATION TCP 10.0.0.1:80 -> " + d.describe() + "]").toList(),
                IpvsTable.builder().add(WEB).build().changesTo(t).stream().map(Object::toString).toList());
    }

    @Test
    void deletionsComeInPortOrderNotHashOrder() {
        // The README's example: a thousand services on ports 1000-1999, one kept.
        IpvsTable.Builder b = IpvsTable.builder();
        for (int port = 1999; port >= 1000; port--) {
            b.add(WEB.toBuilder().port(port).build());
        }
        IpvsTable many = b.build();
        List<IpvsChange> changes = many.changesTo(IpvsTable.builder().add(WEB.toBuilder().port(1500).build()).build());
        assertEquals(999, changes.size());
        assertEquals(IntStream.range(1000, 2000).filter(p -> p != 1500).boxed().toList(),
                changes.stream().map(c -> c.service().port()).toList());
    }

    @Test
    void aTableNeedsNoChangesToItself() {
        qt().forAll(TABLES).checkAssert(t -> {
            assertEquals(List.of(), t.changesTo(t));
            assertEquals(List.of(), t.changesTo(table(List.of())).stream().filter(c -> c.kind() != IpvsChange.Kind.DEL_SERVICE).toList());
        });
    }

    @Test
    void everyChangeIsNeededAndComesInApplyingOrder() {
        qt().forAll(TABLES, TABLES).checkAssert((from, to) -> {
            List<IpvsChange> changes = from.changesTo(to);
            for (int i = 0; i < changes.size(); i++) {
                IpvsChange c = changes.get(i);
                if (i > 0) {
                    assertTrue(changes.get(i - 1).kind().compareTo(c.kind()) <= 0, () -> "out of order: " + changes);
                }
                for (int j = 0; j < i; j++) {
                    IpvsChange other = changes.get(j);
                    boolean sameTarget = other.service().sameIdentity(c.service())
                            && (c.destination().isEmpty() ? other.destination().isEmpty()
                            : other.destination().isPresent() && other.destination().get().sameIdentity(c.destination().get()));
                    assertFalse(sameTarget, () -> "twice: " + other + ", " + c);
                }
                switch (c.kind()) {
                    case NEW_SERVICE -> assertFalse(from.contains(c.service()));
                    case DEL_SERVICE -> assertFalse(to.contains(c.service()));
                    case UPDATE_SERVICE -> {
                        assertSame(from.service(c.service()).orElseThrow(), c.previousService().orElseThrow());
                        assertSame(to.service(c.service()).orElseThrow(), c.service());
                        assertFalse(c.previousService().get().sameSettings(c.service()));
                    }
                    case NEW_DESTINATION -> assertEquals(-1, from.contains(c.service())
                            ? KernelTableModel.indexOfDestination(from.destinations(c.service()), c.destination().get()) : -1);
                    case DEL_DESTINATION -> {
                        assertTrue(to.contains(c.service()), "a deleted service takes its destinations with it");
                        assertEquals(-1, KernelTableModel.indexOfDestination(to.destinations(c.service()), c.destination().get()));
                    }
                    case UPDATE_DESTINATION -> {
                        assertFalse(c.previousDestination().get().sameSettings(c.destination().get()));
                        assertTrue(from.destinations(c.service()).contains(c.previousDestination().get()));
                        assertTrue(to.destinations(c.service()).contains(c.destination().get()));
                    }
                    default -> throw new AssertionError(c);
                }
            }
        });
    }

    @Test
    void reconcilingTheReportsAsTheyComeGivesTheChangesOfTheTableTheyBuild() {
        // What sync compares, against what getTable then changesTo would: the reports of the kernel's
        // side in any order, a destination or a whole service reported twice (the later copy wins).
        qt().forAll(TABLES, TABLES, longs().all()).checkAssert((from, to, seed) -> {
            Random random = new Random(seed);
            List<Service> order = new ArrayList<>(from.services());
            Collections.shuffle(order, random);
            List<Service> reports = new ArrayList<>(order);
            if (!order.isEmpty() && random.nextInt(4) == 0) {
                reports.add(random.nextInt(reports.size() + 1), order.get(random.nextInt(order.size())));
            }
            IpvsTable.Builder built = IpvsTable.builder();
            IpvsTable.Reconciliation reconciliation = to.reconciliation(reports.size());
            for (Service s : reports) {
                List<Destination> ds = new ArrayList<>(from.destinations(s));
                Collections.shuffle(ds, random);
                if (!ds.isEmpty() && random.nextInt(4) == 0) {
                    Destination again = ds.get(random.nextInt(ds.size()));
                    ds.add(random.nextInt(ds.size() + 1), again.toBuilder().weight(again.weight() + 1).build());
                }
                if (!ds.isEmpty() && random.nextInt(4) == 0) {
                    ds.remove(random.nextInt(ds.size()));
                }
                built.addReported(s, ds);
                reconciliation.reported(s, List.copyOf(ds));
            }
            assertEquals(built.build().changesTo(to), reconciliation.changes());
        });
    }

    /** Services on port 80 or 81, and IPv4 firewall marks: a controller's share of a table. */
    static boolean owned(Service s) {
        return s.isFwMark() ? s.addressFamily().equals(AddressFamily.INET) : s.port() == 80 || s.port() == 81;
    }

    @Test
    void aScopedComparisonTouchesOnlyTheScope() {
        qt().forAll(TABLES, TABLES).checkAssert((from, to) -> {
            IpvsTable mine = from.filter(IpvsTableTest::owned);
            IpvsTable wanted = to.filter(IpvsTableTest::owned);
            assertTrue(mine.services().stream().allMatch(IpvsTableTest::owned));
            assertEquals(from.services().stream().filter(IpvsTableTest::owned).toList(), mine.services(), "same services, same order");
            for (Service s : mine.services()) {
                assertEquals(from.destinations(s), mine.destinations(s));
            }
            List<IpvsChange> changes = mine.changesTo(wanted);
            assertTrue(changes.stream().allMatch(c -> owned(c.service())), changes::toString);
            // Applied to the whole table, the scoped changes give the wanted share and leave the rest as it was.
            IpvsTable after = KernelTableModel.apply(from, changes);
            assertEquals(wanted, after.filter(IpvsTableTest::owned));
            assertEquals(from.filter(s -> !owned(s)), after.filter(s -> !owned(s)));
        });
        IpvsTable t = IpvsTable.builder().add(WEB, B1).build();
        assertSame(t, t.filter(s -> true));
        assertSame(IpvsTable.empty(), t.filter(s -> false));
    }

    static final Service WEB = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR).build();
    static final Destination B1 = Destination.builder().address(ip("10.1.1.2")).port(8080).weight(10).build();
    static final Destination B2 = Destination.builder().address(ip("10.1.1.3")).port(8080).weight(10).build();

    @Test
    void countersAndConnectionCountsAreNotSettings() {
        Stats busy = new Stats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        IpvsTable read = IpvsTable.builder()
                .add(WEB.toBuilder().stats(busy).build(), B1.toBuilder().activeConnections(5).inactiveConnections(1).stats(busy).build())
                .build();
        IpvsTable wanted = IpvsTable.builder().add(WEB, B1).build();
        assertEquals(List.of(), read.changesTo(wanted));
        assertTrue(read.sameSettings(wanted));
        assertFalse(read.equals(wanted), "equals compares the counters too");
    }

    @Test
    void oneSettingChangedIsOneUpdateThatKnowsWhatItReplaces() {
        IpvsTable from = IpvsTable.builder().add(WEB, B1, B2).build();
        Service rr = WEB.toBuilder().scheduler(Scheduler.RR).build();
        Destination drained = B2.toBuilder().weight(0).build();
        List<IpvsChange> changes = from.changesTo(IpvsTable.builder().add(rr, B1, drained).build());
        assertEquals(2, changes.size(), changes::toString);
        assertEquals(IpvsChange.Kind.UPDATE_SERVICE, changes.get(0).kind());
        assertSame(WEB, changes.get(0).previousService().orElseThrow());
        assertSame(rr, changes.get(0).service());
        assertEquals(Optional.empty(), changes.get(0).destination());
        assertEquals(IpvsChange.Kind.UPDATE_DESTINATION, changes.get(1).kind());
        assertSame(B2, changes.get(1).previousDestination().orElseThrow());
        assertSame(drained, changes.get(1).destination().orElseThrow());
        assertEquals("IpvsChange[UPDATE_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.3:8080]", changes.get(1).toString());
    }

    @Test
    void aRemovedServiceIsOneDeletionWithItsDestinations() {
        IpvsTable from = IpvsTable.builder().add(WEB, B1, B2).build();
        assertEquals(List.of("IpvsChange[DEL_SERVICE TCP 10.0.0.1:80]"), from.changesTo(IpvsTable.empty()).stream().map(Object::toString).toList());
        assertEquals(List.of("IpvsChange[NEW_SERVICE TCP 10.0.0.1:80]", "IpvsChange[NEW_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.2:8080]",
                "IpvsChange[NEW_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.3:8080]"), IpvsTable.empty().changesTo(from).stream().map(Object::toString).toList());
    }

    @Test
    void identitiesAreAddedOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IpvsTable.builder().add(WEB, B1).add(WEB.toBuilder().scheduler(Scheduler.RR).build()));
        assertEquals("service TCP 10.0.0.1:80 added twice (expected: each service once)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IpvsTable.builder().add(WEB, B1, B1.toBuilder().weight(3).build()));
        assertEquals("destination 10.1.1.2:8080 of service TCP 10.0.0.1:80 added twice (expected: each address and port once per service)",
                e.getMessage());
        IpvsTable.Builder b = IpvsTable.builder().add(WEB, B1);
        assertThrows(IllegalArgumentException.class, () -> b.add(WEB));
        IpvsTable t = b.build();
        assertEquals(List.of(WEB), t.services(), "the refused addition lost nothing and added nothing");
        assertEquals(List.of(B1), t.destinations(WEB));
        assertThrows(IllegalStateException.class, () -> b.add(WEB.toBuilder().port(81).build()));
        assertThrows(IllegalStateException.class, b::build);
    }

    @Test
    void destinationsMayFollowTheirService() {
        IpvsTable.Builder b = IpvsTable.builder().add(WEB, B1);
        b.addDestination(WEB.toBuilder().scheduler(Scheduler.RR).build(), B2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.addDestination(WEB.toBuilder().port(81).build(), B2));
        assertEquals("destination 10.1.1.3:8080 for service TCP 10.0.0.1:81, which is not in the table (expected: the service added first)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.addDestination(WEB, B2.toBuilder().weight(1).build()));
        IpvsTable t = b.build();
        assertEquals(List.of(B1, B2), t.destinations(WEB));
        assertSame(WEB, t.services().get(0), "the service keeps the settings it was added with");
    }

    @Test
    void aRepeatedDumpEntryReplacesTheEarlierCopy() {
        Destination b1Drained = B1.toBuilder().weight(0).build();
        IpvsTable t = IpvsTable.builder()
                .addReported(WEB, List.of(B1, B2, b1Drained))
                .addReported(WEB.toBuilder().scheduler(Scheduler.RR).build(), List.of(B2))
                .build();
        assertEquals(1, t.serviceCount());
        assertEquals("rr", t.services().get(0).scheduler().name());
        assertEquals(List.of(B2), t.destinations(WEB));
        IpvsTable u = IpvsTable.builder().addReported(WEB, List.of(B1, B2, b1Drained)).build();
        assertEquals(List.of(b1Drained, B2), u.destinations(WEB), "the later copy, in the earlier copy's place");
    }

    @Test
    void addAllLosesNothingWhenRefused() {
        java.util.Map<Service, List<Destination>> two = new java.util.LinkedHashMap<>();
        Service other = WEB.toBuilder().port(81).build();
        two.put(other, List.of(B1));
        two.put(WEB.toBuilder().scheduler(Scheduler.RR).build(), List.of());
        IpvsTable.Builder b = IpvsTable.builder().add(WEB, B1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.addAll(two));
        assertTrue(e.getMessage().startsWith("service TCP 10.0.0.1:80 added twice"), e::getMessage);
        assertEquals(List.of(WEB), b.build().services(), "neither of the map's services was added");
    }

    @Test
    void aDestinationOfAnotherFamilyNeedsATunnel() throws Exception {
        Destination v6 = Destination.builder().address(ip("2001:db8:1::2")).port(80).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpvsTable.builder().add(WEB, v6));
        assertEquals("destination [2001:db8:1::2]:80 is INET6 but service TCP 10.0.0.1:80 is INET (expected: the service's family,"
                + " or TUNNEL forwarding, which the kernel allows across families)", e.getMessage());
        Destination tunnelled = v6.toBuilder().forwardingMethod(ForwardingMethod.TUNNEL).build();
        assertEquals(List.of(tunnelled), IpvsTable.builder().add(WEB, tunnelled).build().destinations(WEB));
    }

    @Test
    void lookupsGoByIdentity() {
        Service v4mark = Service.builder().fwMark(7).addressFamily(AddressFamily.INET).build();
        Service v6mark = Service.builder().fwMark(7).addressFamily(AddressFamily.INET6).build();
        IpvsTable t = IpvsTable.builder().add(WEB, B1).add(v4mark).build();
        assertTrue(t.contains(WEB.toBuilder().scheduler(Scheduler.LC).build()));
        assertSame(WEB, t.service(WEB.toBuilder().scheduler(Scheduler.LC).build()).orElseThrow());
        assertTrue(t.contains(v4mark));
        assertFalse(t.contains(v6mark), "the same mark in another family is another service");
        assertFalse(t.contains(WEB.toBuilder().protocol(Protocol.UDP).build()));
        assertEquals(Optional.empty(), t.service(v6mark));
        assertEquals(2, t.serviceCount());
        assertEquals(1, t.destinationCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.destinations(v6mark));
        assertEquals("service FWM 7 (IPv6) is not in the table (expected: one of its 2 services)", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> t.services().clear());
        assertThrows(UnsupportedOperationException.class, () -> t.destinations(WEB).clear());
    }

    @Test
    void changesCarryWhatTheirKindNeeds() {
        assertThrows(NullPointerException.class, () -> IpvsTable.empty().changesTo(null));
        assertEquals("IpvsTable[1 services, 2 destinations]", IpvsTable.builder().add(WEB, B1, B2).build().toString());
        assertTrue(IpvsChange.Kind.NEW_DESTINATION.isDestinationChange());
        assertFalse(IpvsChange.Kind.UPDATE_SERVICE.isDestinationChange());
    }
}
