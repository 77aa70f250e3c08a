// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.testsupport.KernelTableModel;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IpvsTable#changesTo} between two tables built from fuzzer data: the changes, applied in
 * order to the first table under the kernel's rules (nothing created twice, nothing changed or
 * deleted that is not there), give the second table; a table needs no change to itself. Services
 * and destinations come from small pools, so the two tables share identities with other
 * settings, or with the same ones. The changes and both tables' listings come in their documented order.
 */
class IpvsTableFuzzTest {

    @FuzzTest
    void changes(FuzzedDataProvider in) {
        List<Service> services = new ArrayList<>();
        for (int n = in.consumeInt(1, 6), i = 0; i < n && in.remainingBytes() > 0; i++) {
            try {
                services.add(service(in));
            } catch (IllegalArgumentException refusedByTheBuilder) {
                // Not a value; the builders' checks have targets of their own.
            }
        }
        List<Destination> destinations = new ArrayList<>();
        for (int n = in.consumeInt(0, 6), i = 0; i < n && in.remainingBytes() > 0; i++) {
            try {
                destinations.add(destination(in));
            } catch (IllegalArgumentException refusedByTheBuilder) {
                // As above.
            }
        }
        IpvsTable from = table(in, services, destinations);
        IpvsTable to = table(in, services, destinations);
        List<IpvsChange> changes = from.changesTo(to);
        IpvsTable applied = KernelTableModel.apply(from, changes);
        assertEquals(to, applied, changes::toString);
        KernelTableModel.assertDocumentedOrder(changes);
        KernelTableModel.assertDocumentedOrder(from);
        KernelTableModel.assertDocumentedOrder(applied);
        assertTrue(to.changesTo(to).isEmpty());
        assertTrue(applied.changesTo(to).isEmpty());
    }

    /** A table of some of the pool's services (any of them may appear in another variant), each with some of the pool's destinations. */
    private static IpvsTable table(FuzzedDataProvider in, List<Service> services, List<Destination> destinations) {
        IpvsTable.Builder b = IpvsTable.builder();
        for (Service s : services) {
            if (!in.consumeBoolean()) {
                continue;
            }
            Service variant = in.consumeBoolean() ? s : s.toBuilder().scheduler(Scheduler.of(in.consumeBoolean() ? "rr" : "wrr"))
                    .flags(in.consumeInt(0, 63)).timeout(in.consumeLong(0, Service.MAX_TIMEOUT)).build();
            List<Destination> ds = new ArrayList<>();
            for (Destination d : destinations) {
                if (in.consumeBoolean() && ds.stream().noneMatch(d::sameIdentity)) {
                    ds.add(in.consumeBoolean() ? d : d.toBuilder().weight(in.consumeInt(0, 1000)).build());
                }
            }
            try {
                b.add(variant, ds);
            } catch (IllegalArgumentException refused) {
                // A second pool entry of one identity, or a destination of another family without a
                // tunnel: the builder refuses it and keeps what it had.
            }
        }
        return b.build();
    }

    private static Service service(FuzzedDataProvider in) {
        if (in.consumeBoolean()) {
            return Service.builder().fwMark(in.consumeLong(1, 4)).addressFamily(in.consumeBoolean() ? AddressFamily.INET : AddressFamily.INET6)
                    .scheduler(Scheduler.WLC).build();
        }
        return Service.builder().protocol(in.pickValue(Protocol.values())).address(address(in)).port(in.consumeInt(0, 3)).build();
    }

    private static Destination destination(FuzzedDataProvider in) {
        return Destination.builder().address(address(in)).port(in.consumeInt(0, 3)).weight(in.consumeInt(0, 3))
                .forwardingMethod(ForwardingMethod.of(in.consumeInt(0, 7)))
                .upperThreshold(in.consumeLong(0, 2)).lowerThreshold(in.consumeLong(0, 2))
                .tunnelType(TunnelType.of(in.consumeInt(0, 3))).tunnelPort(in.consumeInt(0, 2)).tunnelFlags(in.consumeInt(0, 2))
                .build();
    }

    /** One of four addresses, two per family. */
    private static InetAddress address(FuzzedDataProvider in) {
        try {
            return InetAddress.getByName(in.pickValue(new String[] {"10.0.0.1", "10.0.0.2", "2001:db8::1", "2001:db8::2"}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
