// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs.testsupport;

import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.IpvsChange;
import io.netlink4j.ipvs.IpvsTable;
import io.netlink4j.ipvs.Service;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model of how the kernel applies IPVS changes, for checking {@link IpvsTable#changesTo}: in
 * order, strictly. Creating what exists, or changing and deleting what does not, fails the test.
 * Shared by the property tests here and the fuzz target (through this module's test-jar).
 */
public final class KernelTableModel {

    private KernelTableModel() {
    }

    /** The table {@code changes} turn {@code table} into; fails on a change the kernel would refuse. */
    public static IpvsTable apply(IpvsTable table, List<IpvsChange> changes) {
        List<Service> services = new ArrayList<>(table.services());
        List<List<Destination>> dests = new ArrayList<>();
        for (Service s : services) {
            dests.add(new ArrayList<>(table.destinations(s)));
        }
        for (IpvsChange c : changes) {
            int si = indexOf(services, c.service());
            if (c.kind() == IpvsChange.Kind.NEW_SERVICE) {
                assertEquals(-1, si, () -> c + ": exists");
                services.add(c.service());
                dests.add(new ArrayList<>());
                continue;
            }
            assertTrue(si >= 0, () -> c + ": no such service");
            List<Destination> ds = dests.get(si);
            int di = c.destination().isEmpty() ? -1 : indexOfDestination(ds, c.destination().get());
            switch (c.kind()) {
                case DEL_SERVICE -> {
                    services.remove(si);
                    dests.remove(si);
                }
                case UPDATE_SERVICE -> services.set(si, c.service());
                case NEW_DESTINATION -> {
                    assertEquals(-1, di, () -> c + ": exists");
                    ds.add(c.destination().get());
                }
                case UPDATE_DESTINATION -> {
                    assertTrue(di >= 0, () -> c + ": no such destination");
                    ds.set(di, c.destination().get());
                }
                case DEL_DESTINATION -> {
                    assertTrue(di >= 0, () -> c + ": no such destination");
                    ds.remove(di);
                }
                default -> throw new AssertionError(c);
            }
        }
        IpvsTable.Builder b = IpvsTable.builder();
        for (int i = 0; i < services.size(); i++) {
            b.add(services.get(i), dests.get(i));
        }
        return b.build();
    }

    private static int indexOf(List<Service> services, Service s) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).sameIdentity(s)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the order {@link IpvsTable#changesTo} documents: by kind, then by service in
     * {@link Service#IDENTITY_ORDER}, then by destination in {@link Destination#IDENTITY_ORDER},
     * each change after the one before it (no two for one service or destination).
     */
    public static void assertDocumentedOrder(List<IpvsChange> changes) {
        for (int i = 1; i < changes.size(); i++) {
            IpvsChange a = changes.get(i - 1);
            IpvsChange b = changes.get(i);
            int r = a.kind().compareTo(b.kind());
            if (r == 0) {
                r = Service.IDENTITY_ORDER.compare(a.service(), b.service());
            }
            if (r == 0 && a.destination().isPresent() && b.destination().isPresent()) {
                r = Destination.IDENTITY_ORDER.compare(a.destination().get(), b.destination().get());
            }
            int at = i;
            assertTrue(r < 0, () -> "change " + at + " out of order: " + a + " before " + b);
        }
    }

    /** Checks that a table lists its services and each service's destinations in their identity order, each once. */
    public static void assertDocumentedOrder(IpvsTable table) {
        List<Service> services = table.services();
        for (int i = 1; i < services.size(); i++) {
            Service a = services.get(i - 1);
            Service b = services.get(i);
            assertTrue(Service.IDENTITY_ORDER.compare(a, b) < 0, () -> "services out of order: " + a + " before " + b);
        }
        for (Service s : services) {
            List<Destination> ds = table.destinations(s);
            for (int i = 1; i < ds.size(); i++) {
                Destination a = ds.get(i - 1);
                Destination b = ds.get(i);
                assertTrue(Destination.IDENTITY_ORDER.compare(a, b) < 0, () -> "destinations out of order: " + a + " before " + b);
            }
        }
    }

    /** The position of the destination with the identity of {@code d}, or -1. */
    public static int indexOfDestination(List<Destination> ds, Destination d) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i).sameIdentity(d)) {
                return i;
            }
        }
        return -1;
    }
}
