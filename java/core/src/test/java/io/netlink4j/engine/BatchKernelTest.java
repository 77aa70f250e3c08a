// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.testsupport.NetnsExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches against the host kernel's rtnetlink, in a fresh network namespace: IPv4 addresses added
 * to and deleted from the loopback device, some of which the kernel refuses. With the ACK on the
 * last request of each datagram only, each refused request still gets its own errno and extended
 * ACK (the same the kernel gives that request on its own), every other one succeeds, and the
 * namespace ends up with exactly the addresses of the successful requests.
 */
@Tag("kernel")
class BatchKernelTest {
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int AF_INET = 2;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int LOOPBACK = 1;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;

    @RegisterExtension
    final NetnsExtension<NetlinkConnection> netns = new NetnsExtension<>("nl4j-batch",
            path -> NetlinkConnection.open(NetlinkProtocol.ROUTE, NetlinkOptions.builder().netns(path).build()));

    /** 10.77.(i / 250).(i % 250 + 1). */
    static byte[] address(int i) {
        return new byte[] {10, 77, (byte) (i / 250), (byte) (i % 250 + 1)};
    }

    static String dotted(int i) {
        byte[] a = address(i);
        return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
    }

    /** RTM_NEWADDR (create, exclusive) or RTM_DELADDR of address {@code i}/32 on {@code ifindex}. */
    static Request addressRequest(int type, int i, int ifindex) {
        String op = (type == RTM_NEWADDR ? "add " : "del ") + dotted(i) + " dev " + ifindex;
        int flags = type == RTM_NEWADDR ? NLM_F_CREATE | NLM_F_EXCL : 0;
        return new Request(op, type, flags, w -> {
            w.rawU8(AF_INET).rawU8(32).rawU8(0).rawU8(0).rawU32(ifindex);
            w.bytes(IFA_LOCAL, address(i)).bytes(IFA_ADDRESS, address(i));
        });
    }

    /** The IPv4 addresses of 10.77.0.0/16 on the namespace's loopback device. */
    static Set<String> addresses(Netns ns) {
        Set<String> out = new TreeSet<>();
        for (String line : ns.exec("ip", "-o", "-4", "addr", "show", "dev", "lo").split("\n")) {
            int at = line.indexOf("inet 10.77.");
            if (at >= 0) {
                out.add(line.substring(at + 5, line.indexOf('/', at)));
            }
        }
        return out;
    }

    static void ip(Netns ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        ns.exec(cmd.toArray(String[]::new));
    }

    /** Runs {@code requests} as one batch on {@code conn}. */
    static BatchResult batch(NetlinkConnection conn, List<Request> requests) {
        BatchResult result = conn.batch(requests, ReplyHandler.IGNORE);
        assertEquals(requests.size(), result.size());
        return result;
    }

    /**
     * Request {@code i} of {@code result} failed with {@code errno} and the extended ACK
     * {@code extAck} where {@code fails} says so, and succeeded everywhere else.
     */
    static void assertOutcomes(BatchResult result, IntPredicate fails, int errno, String extAck) {
        for (int index = 0; index < result.size(); index++) {
            int i = index;
            if (fails.test(i)) {
                NetlinkErrnoException e = assertInstanceOf(NetlinkErrnoException.class,
                        result.failure(i).orElseThrow(() -> new AssertionError("request " + i + " succeeded")).exception());
                assertEquals(errno, e.errno(), "request " + i);
                assertEquals(extAck, e.extendedAck().message(), "request " + i);
            } else {
                assertTrue(result.succeeded(i), () -> "request " + i + ": " + result.failure(i));
            }
        }
    }

    /** The errno and extended-ACK text the kernel gives {@code request} on its own. */
    static NetlinkErrnoException alone(NetlinkConnection conn, Request request) {
        return assertThrows(NetlinkErrnoException.class,
                () -> conn.execute(request.operation(), request.type(), request.flags(), request.body()));
    }

    @Test
    void refusedRequestsInTheMiddleGetTheirOwnErrorAndTheOthersSucceed() {
        Netns ns = netns.netns();
        NetlinkConnection conn = netns.handle();
        ip(ns, "link", "set", "lo", "up");
        // Addresses 3, 10 and 17 exist already: adding them again fails with EEXIST.
        for (int i : new int[] {3, 10, 17}) {
            ip(ns, "addr", "add", dotted(i) + "/32", "dev", "lo");
        }
        NetlinkErrnoException exists = alone(conn, addressRequest(RTM_NEWADDR, 3, LOOPBACK));
        assertEquals(Errno.EEXIST, exists.errno());
        assertFalse(exists.extendedAck().message().isEmpty(), "the kernel explains EEXIST: " + exists);

        List<Request> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adds.add(addressRequest(RTM_NEWADDR, i, LOOPBACK));
        }
        BatchResult added = batch(conn, adds);
        assertEquals(1, added.datagramsSent());
        assertOutcomes(added, i -> i == 3 || i == 10 || i == 17, Errno.EEXIST, exists.extendedAck().message());
        Set<String> all = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            all.add(dotted(i));
        }
        assertEquals(all, addresses(ns));

        // Delete the even ones, twice each: the second deletion of an address fails.
        List<Request> dels = new ArrayList<>();
        for (int i = 0; i < 20; i += 2) {
            dels.add(addressRequest(RTM_DELADDR, i, LOOPBACK));
            dels.add(addressRequest(RTM_DELADDR, i, LOOPBACK));
        }
        NetlinkErrnoException notFound = alone(conn, addressRequest(RTM_DELADDR, 999, LOOPBACK));
        BatchResult deleted = batch(conn, dels);
        assertOutcomes(deleted, i -> i % 2 == 1, notFound.errno(), notFound.extendedAck().message());
        Set<String> odd = new TreeSet<>();
        for (int i = 1; i < 20; i += 2) {
            odd.add(dotted(i));
        }
        assertEquals(odd, addresses(ns));
    }

    @Test
    void theLastRequestOfADatagramFailingStillCompletesIt() {
        Netns ns = netns.netns();
        NetlinkConnection conn = netns.handle();
        ip(ns, "link", "set", "lo", "up");
        NetlinkErrnoException noDevice = alone(conn, addressRequest(RTM_NEWADDR, 0, 999_999));
        List<Request> requests = List.of(addressRequest(RTM_NEWADDR, 0, LOOPBACK), addressRequest(RTM_NEWADDR, 1, 999_999),
                addressRequest(RTM_NEWADDR, 2, LOOPBACK), addressRequest(RTM_NEWADDR, 3, 999_999));
        BatchResult result = batch(conn, requests);
        assertOutcomes(result, i -> i == 1 || i == 3, noDevice.errno(), noDevice.extendedAck().message());
        assertEquals(Set.of(dotted(0), dotted(2)), addresses(ns));
        // The connection is in step: the next exchange gets its own answer.
        conn.execute("add 4", RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, addressRequest(RTM_NEWADDR, 4, LOOPBACK).body());
        assertEquals(Set.of(dotted(0), dotted(2), dotted(4)), addresses(ns));
        assertEquals(0, conn.discardedMessages());
    }

    @Test
    void aBatchSpanningManyDatagramsOfWhichEveryRequestFailsLosesNoAnswer() {
        // A 16 KiB receive buffer holds the answers of 8 requests (2 KiB each, the worst case: all
        // refused with an extended ACK), so 100 requests take 13 datagrams.
        Netns ns = netns.netns();
        ip(ns, "link", "set", "lo", "up");
        try (NetlinkConnection conn = NetlinkConnection.open(NetlinkProtocol.ROUTE,
                NetlinkOptions.builder().netns(ns.path()).socketReceiveBufferSize(8192).build())) {
            assertEquals(16384, conn.socketReceiveBufferSize());
            NetlinkErrnoException notFound = alone(conn, addressRequest(RTM_DELADDR, 999, LOOPBACK));
            List<Request> dels = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                dels.add(addressRequest(RTM_DELADDR, i, LOOPBACK));
            }
            BatchResult result = batch(conn, dels);
            assertEquals(13, result.datagramsSent());
            assertEquals(100, result.failures().size());
            assertOutcomes(result, i -> true, notFound.errno(), notFound.extendedAck().message());

            // The same 100 as additions, every seventh of which already exists.
            for (int i = 0; i < 100; i += 7) {
                ip(ns, "addr", "add", dotted(i) + "/32", "dev", "lo");
            }
            NetlinkErrnoException exists = alone(conn, addressRequest(RTM_NEWADDR, 0, LOOPBACK));
            List<Request> adds = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                adds.add(addressRequest(RTM_NEWADDR, i, LOOPBACK));
            }
            BatchResult added = batch(conn, adds);
            assertEquals(13, added.datagramsSent());
            assertOutcomes(added, i -> i % 7 == 0, Errno.EEXIST, exists.extendedAck().message());
            assertEquals(100, addresses(ns).size());
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void withAnAckPerRequestTheOutcomesAreTheSame() {
        Netns ns = netns.netns();
        ip(ns, "link", "set", "lo", "up");
        try (NetlinkConnection conn = NetlinkConnection.open(NetlinkProtocol.ROUTE,
                NetlinkOptions.builder().netns(ns.path()).ackEveryBatchRequest(true).build())) {
            ip(ns, "addr", "add", dotted(5) + "/32", "dev", "lo");
            NetlinkErrnoException exists = alone(conn, addressRequest(RTM_NEWADDR, 5, LOOPBACK));
            List<Request> adds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                adds.add(addressRequest(RTM_NEWADDR, i, LOOPBACK));
            }
            assertOutcomes(batch(conn, adds), i -> i == 5, Errno.EEXIST, exists.extendedAck().message());
            assertEquals(10, addresses(ns).size());
        }
    }
}
