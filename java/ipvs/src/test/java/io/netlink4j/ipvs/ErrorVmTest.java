// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.engine.NetlinkOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every IPVS error path, against the kernel. */
@Tag("kernel-vm")
class ErrorVmTest {
    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClassFlushed();

    static final Service WEB = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.RR).build();
    static final Destination REAL = Destination.builder().address(ip("10.1.1.2")).port(80).build();

    @Test
    void serviceExists() {
        ns.ipvs.newService(WEB);
        ServiceExistsException e = assertThrows(ServiceExistsException.class, () -> ns.ipvs.newService(WEB));
        assertEquals(Errno.EEXIST, e.errno());
        assertTrue(e.getMessage().contains("TCP 10.0.0.1:80"), e.getMessage());
    }

    @Test
    void noSuchServiceOnEveryOperation() {
        for (Runnable op : List.<Runnable>of(() -> ns.ipvs.updateService(WEB), () -> ns.ipvs.delService(WEB),
                () -> ns.ipvs.getService(WEB), () -> ns.ipvs.zero(WEB), () -> ns.ipvs.newDestination(WEB, REAL))) {
            NoSuchServiceException e = assertThrows(NoSuchServiceException.class, op::run);
            assertEquals(Errno.ESRCH, e.errno());
            assertTrue(e.getMessage().contains("TCP 10.0.0.1:80"), e.getMessage());
        }
    }

    @Test
    void destinationExistsAndNoSuchDestination() {
        ns.ipvs.newService(WEB);
        ns.ipvs.newDestination(WEB, REAL);
        DestinationExistsException exists = assertThrows(DestinationExistsException.class,
                () -> ns.ipvs.newDestination(WEB, REAL));
        assertEquals(Errno.EEXIST, exists.errno());
        assertTrue(exists.getMessage().contains("10.1.1.2:80"), exists.getMessage());
        Destination other = Destination.builder().address(ip("10.1.1.3")).port(80).build();
        NoSuchDestinationException missing = assertThrows(NoSuchDestinationException.class,
                () -> ns.ipvs.updateDestination(WEB, other));
        assertEquals(Errno.ENOENT, missing.errno());
        assertThrows(NoSuchDestinationException.class, () -> ns.ipvs.delDestination(WEB, other));
    }

    @Test
    void unknownSchedulerNamesItsModule() {
        UnknownSchedulerException e = assertThrows(UnknownSchedulerException.class,
                () -> ns.ipvs.newService(WEB.toBuilder().scheduler(Scheduler.of("nosuch")).build()));
        assertEquals("ip_vs_nosuch", e.module());
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("ip_vs_nosuch"), e.getMessage());
    }

    @Test
    void unknownPersistenceEngineNamesItsModule() {
        UnknownSchedulerException e = assertThrows(UnknownSchedulerException.class,
                () -> ns.ipvs.newService(WEB.toBuilder().persistent(60).persistenceEngine(PersistenceEngine.of("nope")).build()));
        assertEquals("ip_vs_pe_nope", e.module());
    }

    @Test
    void nonUnicastDestinationIsRefusedByTheKernel() {
        ns.ipvs.newService(WEB);
        IpvsException e = assertThrows(IpvsException.class,
                () -> ns.ipvs.newDestination(WEB, Destination.builder().address(ip("224.0.0.9")).port(80).build()));
        assertEquals(Errno.EINVAL, e.errno());
    }

    @Test
    void invalidValuesAreRejectedBeforeAnythingIsSent() {
        assertMessage(() -> Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(65536).build(), "port: 65536 (expected: 0-65535)");
        assertMessage(() -> Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(1).scheduler(Scheduler.of("abcdefghijklmnop")).build(),
                "scheduler");
        assertMessage(() -> Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).addressFamily(AddressFamily.INET6).port(1).build(),
                "addressFamily is INET6");
        assertMessage(() -> Service.builder().fwMark(3).protocol(Protocol.TCP).addressFamily(AddressFamily.INET).build(), "excludes");
        assertMessage(() -> Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(1).netmask(Netmask.ofPrefix(AddressFamily.INET6, 0)).build(), "1-128");
        assertMessage(() -> Destination.builder().address(ip("10.1.1.2")).weight(-1).build(), "weight: -1");
        assertMessage(() -> Destination.builder().address(ip("10.1.1.2")).lowerThreshold(5).upperThreshold(4).build(), "lowerThreshold 5");
        assertMessage(() -> Destination.builder().address(ip("10.1.1.2")).forwardingMethod(ForwardingMethod.TUNNEL)
                .tunnelType(TunnelType.GUE).build(), "GUE");
        assertEquals(List.of(), ns.ipvs.getServices(), "nothing reached the kernel");
    }

    static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void daemonStateErrors() {
        DaemonConfig master = DaemonConfig.builder().state(DaemonConfig.State.MASTER).multicastInterface("dummy0").syncId(7).build();
        ns.ipvs.newDaemon(master);
        try {
            IpvsException running = assertThrows(IpvsException.class, () -> ns.ipvs.newDaemon(master));
            assertEquals(Errno.EEXIST, running.errno());
            assertTrue(running.getMessage().startsWith("a MASTER sync daemon is already running"), running.getMessage());
        } finally {
            ns.ipvs.delDaemon(DaemonConfig.State.MASTER);
        }
        IpvsException e = assertThrows(IpvsException.class,
                () -> ns.ipvs.delDaemon(DaemonConfig.State.MASTER));
        assertEquals(Errno.ESRCH, e.errno());
    }

    @Test
    void batchReportsEachFailureAndAppliesTheRest() {
        IpvsBatch batch = ns.ipvs.batch()
                .newService(WEB)
                .newService(WEB)
                .newDestination(WEB, REAL)
                .newService(WEB.toBuilder().port(81).scheduler(Scheduler.of("nosuch")).build())
                .delService(WEB.toBuilder().port(82).build())
                .newService(WEB.toBuilder().port(83).build());
        IpvsBatch.Result r = batch.apply();
        assertEquals(6, r.size());
        assertTrue(r.succeeded(0));
        assertTrue(r.failure(1).orElseThrow().exception() instanceof ServiceExistsException, String.valueOf(r.failure(1)));
        assertTrue(r.succeeded(2));
        assertTrue(r.failure(3).orElseThrow().exception() instanceof UnknownSchedulerException);
        assertTrue(r.failure(4).orElseThrow().exception() instanceof NoSuchServiceException);
        assertTrue(r.succeeded(5));
        assertEquals(3, r.failures().size());
        assertEquals(2, ns.ipvs.getServices().size());
        assertEquals(1, r.datagramsSent());
    }

    static Service port(int port) {
        return WEB.toBuilder().port(port).build();
    }

    @Test
    void batchOfCreatesAndDeletesOverSeveralDatagramsReportsExactlyTheRefusedOnes() {
        // A 16 KiB receive buffer: 8 requests per datagram, each datagram acknowledged once (on its
        // last request), so errors in the middle and at the end of datagrams come back on their own.
        try (IpvsHandle small = IpvsHandle.open(NetlinkOptions.builder().netns(ns.netns.path()).socketReceiveBufferSize(8192).build())) {
            for (int i = 0; i < 40; i += 5) {
                small.newService(port(1000 + i));
            }
            IpvsBatch creates = small.batch();
            for (int i = 0; i < 40; i++) {
                creates.newService(port(1000 + i));
            }
            IpvsBatch.Result created = creates.apply();
            assertEquals(5, created.datagramsSent());
            for (int i = 0; i < 40; i++) {
                if (i % 5 == 0) {
                    ServiceExistsException e = assertInstanceOf(ServiceExistsException.class, created.failure(i).orElseThrow().exception());
                    assertTrue(e.getMessage().contains("TCP 10.0.0.1:" + (1000 + i)), e.getMessage());
                    assertEquals(i, created.failure(i).orElseThrow().index());
                } else {
                    assertTrue(created.succeeded(i), "create " + i + ": " + created.failure(i));
                }
            }
            assertEquals(8, created.failures().size());
            assertEquals(40, small.getServices().size());

            // Each existing service deleted, then one that never existed: every odd request (the
            // last of each datagram among them) fails.
            IpvsBatch deletes = small.batch();
            for (int i = 0; i < 40; i++) {
                deletes.delService(port(1000 + i)).delService(port(2000 + i));
            }
            IpvsBatch.Result deleted = deletes.apply();
            assertEquals(10, deleted.datagramsSent());
            for (int k = 0; k < 80; k++) {
                if (k % 2 == 1) {
                    NoSuchServiceException e = assertInstanceOf(NoSuchServiceException.class, deleted.failure(k).orElseThrow().exception());
                    assertTrue(e.getMessage().contains("TCP 10.0.0.1:" + (2000 + k / 2)), e.getMessage());
                } else {
                    assertTrue(deleted.succeeded(k), "delete " + k + ": " + deleted.failure(k));
                }
            }
            assertEquals(40, deleted.failures().size());
            assertEquals(List.of(), small.getServices());
            assertEquals(0, small.connection().discardedMessages());
        }
    }
}
