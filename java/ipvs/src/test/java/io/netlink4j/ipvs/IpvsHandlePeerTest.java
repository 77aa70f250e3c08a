// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.genl.Genl;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static io.netlink4j.ipvs.IpvsTestPeer.cmd;
import static io.netlink4j.ipvs.IpvsTestPeer.daemon;
import static io.netlink4j.ipvs.IpvsTestPeer.destination;
import static io.netlink4j.ipvs.IpvsTestPeer.dump;
import static io.netlink4j.ipvs.IpvsTestPeer.part;
import static io.netlink4j.ipvs.IpvsTestPeer.reply;
import static io.netlink4j.ipvs.IpvsTestPeer.service;
import static io.netlink4j.testing.NetlinkTestPeer.ack;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@link IpvsHandle} and {@link IpvsBatch} over a real netlink socket to a scripted peer that plays
 * the kernel: the requests' bytes, the meaning of each errno for each command, dump restarts,
 * scope refusal and batch outcomes. The VM tests are the kernel's word on the same behaviour.
 */
@Tag("kernel")
class IpvsHandlePeerTest {
    static final Service WEB = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.RR).build();
    static final Service DNS = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.2")).port(53).scheduler(Scheduler.WLC).build();
    static final Destination REAL = Destination.builder().address(ip("10.1.1.2")).port(80).weight(3).build();
    static final DaemonConfig MASTER = DaemonConfig.builder().state(DaemonConfig.State.MASTER).multicastInterface("eth0").syncId(7).build();

    /** Answers every IPVS request with an ACK. */
    static List<byte[]> acknowledge(ReceivedRequest req) {
        return List.of(ack(req, 0));
    }

    // Opening.

    @Test
    void openResolvesTheFamilyThroughNlctrlOnceAndSendsToItsId() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            assertEquals(IpvsTestPeer.FAMILY_ID, ipvs.family().id());
            ipvs.newService(WEB);
            ipvs.flush();
            List<ReceivedRequest> all = peer.peer.received();
            assertEquals(3, all.size(), "one GETFAMILY, then the two IPVS requests");
            ReceivedRequest getFamily = all.get(0);
            assertEquals(Genl.GENL_ID_CTRL, getFamily.type());
            assertEquals(Genl.CTRL_CMD_GETFAMILY, cmd(getFamily));
            assertTrue(new String(getFamily.payload(), StandardCharsets.US_ASCII).contains("IPVS\0"));
            assertEquals(List.of(Ipvs.CMD_NEW_SERVICE, Ipvs.CMD_FLUSH), peer.ipvsRequests().stream().map(IpvsTestPeer::cmd).toList());
        }
    }

    @Test
    void withoutTheFamilyOpenSaysToLoadIpVsAndClosesTheConnection() {
        try (IpvsTestPeer peer = IpvsTestPeer.withoutIpvs()) {
            NetlinkConnection conn = peer.connect(Duration.ofSeconds(3));
            GenlFamilyNotFoundException e = assertThrows(GenlFamilyNotFoundException.class, () -> IpvsHandle.open(conn));
            assertEquals("IPVS", e.family());
            assertEquals(Errno.ENOENT, e.errno());
            assertTrue(e.getMessage().contains("load the ip_vs kernel module (modprobe ip_vs)"), e.getMessage());
            assertTrue(conn.isClosed(), "the handle owned the connection");
        }
    }

    // The family registered anew (ip_vs removed and loaded again).

    /** The types of the requests the peer received: the family ids, and nlctrl's. */
    static List<Integer> types(IpvsTestPeer peer) {
        return peer.peer.received().stream().map(ReceivedRequest::type).toList();
    }

    @Test
    void aFamilyRegisteredAnewUnderAnotherIdIsLookedUpAgainAndTheOperationSentThere() {
        AtomicInteger id = new AtomicInteger(IpvsTestPeer.FAMILY_ID);
        try (IpvsTestPeer peer = IpvsTestPeer.reloadable(id, IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            id.set(IpvsTestPeer.FAMILY_ID + 1);
            ipvs.newService(WEB);
            assertEquals(IpvsTestPeer.FAMILY_ID + 1, ipvs.family().id());
            ipvs.delService(WEB);
            int ctrl = Genl.GENL_ID_CTRL;
            assertEquals(List.of(ctrl, IpvsTestPeer.FAMILY_ID, ctrl, IpvsTestPeer.FAMILY_ID + 1, IpvsTestPeer.FAMILY_ID + 1), types(peer),
                    "open's lookup, the refused request, the lookup, the request again under the new id, the next one straight there");
        }
    }

    @Test
    void whileTheFamilyIsGoneEveryOperationSaysToLoadIpVsAndTheHandleWorksOnceItIsBack() {
        AtomicInteger id = new AtomicInteger(IpvsTestPeer.FAMILY_ID);
        try (IpvsTestPeer peer = IpvsTestPeer.reloadable(id, req -> IpvsTestPeer.dump(req));
             IpvsHandle ipvs = peer.open()) {
            id.set(0);
            for (Runnable op : List.<Runnable>of(ipvs::getServices, () -> ipvs.forEachService(s -> {}))) {
                GenlFamilyNotFoundException e = assertThrows(GenlFamilyNotFoundException.class, op::run);
                assertEquals("IPVS", e.family());
                assertEquals(Errno.ENOENT, e.errno());
                assertTrue(e.getMessage().contains("no longer in this kernel") && e.getMessage().contains("modprobe ip_vs"), e.getMessage());
                assertEquals(1, e.getSuppressed().length, "the refusal that led to the lookup");
            }
            id.set(IpvsTestPeer.FAMILY_ID + 7);
            assertEquals(List.of(), ipvs.getServices());
            assertEquals(IpvsTestPeer.FAMILY_ID + 7, ipvs.family().id());
        }
    }

    @Test
    void anEnoentOfTheOperationItselfCostsOneLookupAndIsThrownAsItWas() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> List.of(ack(req, Errno.ENOENT)));
             IpvsHandle ipvs = peer.open()) {
            NoSuchDestinationException e = assertThrows(NoSuchDestinationException.class, () -> ipvs.delDestination(WEB, REAL));
            assertTrue(e.getMessage().startsWith("no destination 10.1.1.2:80 in service TCP 10.0.0.1:80"), e.getMessage());
            assertEquals(IpvsTestPeer.FAMILY_ID, ipvs.family().id());
            assertEquals(List.of(Genl.GENL_ID_CTRL, IpvsTestPeer.FAMILY_ID, Genl.GENL_ID_CTRL), types(peer));
        }
    }

    // Requests as the kernel reads them.

    @Test
    void delServiceSendsExactlyTheServiceIdentity() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            ipvs.delService(WEB);
            ReceivedRequest req = peer.ipvsRequests().get(0);
            assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, req.flags());
            assertEquals(Netlink.HEADER_SIZE + 52, req.message().length);
            assertEquals(HexFormat.of().formatHex(bytes(
                    0x03, 0x01, 0x00, 0x00,                          // genl: IPVS_CMD_DEL_SERVICE, version 1
                    0x30, 0x00, 0x01, 0x80,                          // IPVS_CMD_ATTR_SERVICE, nested, 48 bytes
                    0x06, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00,  // AF: AF_INET
                    0x06, 0x00, 0x02, 0x00, 0x06, 0x00, 0x00, 0x00,  // PROTOCOL: TCP
                    0x14, 0x00, 0x03, 0x00, 0x0a, 0x00, 0x00, 0x01,  // ADDR: 10.0.0.1 in a 16-byte union
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0x06, 0x00, 0x04, 0x00, 0x00, 0x50, 0x00, 0x00)), // PORT: 80, network order
                    HexFormat.of().formatHex(req.payload()));
        }
    }

    @Test
    void requestsCarryTheAttributesIpvsadmSends() throws Exception {
        Service web = GoldenBytesTest.WEB;
        try (IpvsTestPeer peer = IpvsTestPeer.start(IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            ipvs.newService(web);
            ipvs.newDestination(web, GoldenBytesTest.WEB_REAL);
            ipvs.batch().newService(web).apply();
            List<ReceivedRequest> sent = peer.ipvsRequests();
            byte[] ipvsadmService = GoldenBytesTest.request(1, Ipvs.CMD_NEW_SERVICE);
            byte[] ipvsadmDest = GoldenBytesTest.request(4, Ipvs.CMD_NEW_DEST);
            assertEquals(GoldenBytesTest.attributes(ipvsadmService, Ipvs.CMD_ATTR_SERVICE),
                    GoldenBytesTest.attributes(sent.get(0).message(), Ipvs.CMD_ATTR_SERVICE));
            assertEquals(GoldenBytesTest.attributes(ipvsadmDest, Ipvs.CMD_ATTR_DEST),
                    GoldenBytesTest.attributes(sent.get(1).message(), Ipvs.CMD_ATTR_DEST));
            assertArrayEquals(sent.get(0).payload(), sent.get(2).payload(), "a batch sends what the handle sends");
            assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, sent.get(2).flags());
        }
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            assertEquals("service", assertThrows(NullPointerException.class, () -> ipvs.newService(null)).getMessage());
            assertEquals("destination", assertThrows(NullPointerException.class, () -> ipvs.delDestination(WEB, null)).getMessage());
            assertEquals("state", assertThrows(NullPointerException.class, () -> ipvs.delDaemon(null)).getMessage());
            assertEquals("service", assertThrows(NullPointerException.class, () -> ipvs.getDestinations(null)).getMessage());
            IpvsBatch batch = ipvs.batch();
            assertEquals("service", assertThrows(NullPointerException.class, () -> batch.newDestination(null, REAL)).getMessage());
            assertEquals("config", assertThrows(NullPointerException.class, () -> batch.setConfig(null)).getMessage());
            assertEquals(0, batch.size());
            assertEquals(List.of(), peer.ipvsRequests());
        }
    }

    // What each errno means for each command.

    /**
     * One refusal: the handle's call (and the batch's, for a change), the errno the peer answers
     * it with, and what the caller must get.
     */
    record Refusal(Consumer<IpvsHandle> op, Consumer<IpvsBatch> queued, int errno, Class<? extends IpvsException> type,
                   String operation, String message) {
    }

    static final Service NOSUCH = WEB.toBuilder().scheduler(Scheduler.of("nosuch")).build();
    static final Service SIP = WEB.toBuilder().persistent(60).persistenceEngine(PersistenceEngine.SIP).build();
    static final Destination MULTICAST = Destination.builder().address(ip("224.0.0.9")).port(80).build();
    static final Config TCP_900 = Config.builder().timeoutTcp(Duration.ofSeconds(900)).build();

    static final List<Refusal> REFUSALS = List.of(
            new Refusal(h -> h.newService(WEB), b -> b.newService(WEB), Errno.EEXIST, ServiceExistsException.class,
                    "IPVS NEW_SERVICE", "service TCP 10.0.0.1:80 already exists"),
            new Refusal(h -> h.newService(NOSUCH), b -> b.newService(NOSUCH), Errno.ENOENT, UnknownSchedulerException.class,
                    "IPVS NEW_SERVICE", "unknown scheduler 'nosuch' for service TCP 10.0.0.1:80 (is kernel module ip_vs_nosuch available?)"),
            new Refusal(h -> h.newService(SIP), b -> b.newService(SIP), Errno.ENOENT, UnknownSchedulerException.class,
                    "IPVS NEW_SERVICE", "unknown persistence engine 'sip' for service TCP 10.0.0.1:80 (is kernel module ip_vs_pe_sip available?)"),
            new Refusal(h -> h.updateService(WEB), b -> b.updateService(WEB), Errno.ESRCH, NoSuchServiceException.class,
                    "IPVS SET_SERVICE", "no such service TCP 10.0.0.1:80"),
            new Refusal(h -> h.updateService(NOSUCH), b -> b.updateService(NOSUCH), Errno.ENOENT, UnknownSchedulerException.class,
                    "IPVS SET_SERVICE", "unknown scheduler 'nosuch' for service TCP 10.0.0.1:80 (is kernel module ip_vs_nosuch available?)"),
            new Refusal(h -> h.delService(WEB), b -> b.delService(WEB), Errno.ESRCH, NoSuchServiceException.class,
                    "IPVS DEL_SERVICE", "no such service TCP 10.0.0.1:80"),
            new Refusal(h -> h.getService(WEB), null, Errno.ESRCH, NoSuchServiceException.class,
                    "IPVS GET_SERVICE", "no such service TCP 10.0.0.1:80"),
            new Refusal(h -> h.zero(WEB), b -> b.zero(WEB), Errno.ESRCH, NoSuchServiceException.class,
                    "IPVS ZERO", "no such service TCP 10.0.0.1:80"),
            new Refusal(h -> h.newDestination(WEB, REAL), b -> b.newDestination(WEB, REAL), Errno.ESRCH, NoSuchServiceException.class,
                    "IPVS NEW_DEST", "no such service TCP 10.0.0.1:80 (for destination 10.1.1.2:80)"),
            new Refusal(h -> h.newDestination(WEB, REAL), b -> b.newDestination(WEB, REAL), Errno.EEXIST, DestinationExistsException.class,
                    "IPVS NEW_DEST", "destination 10.1.1.2:80 already exists in service TCP 10.0.0.1:80"),
            new Refusal(h -> h.updateDestination(WEB, REAL), b -> b.updateDestination(WEB, REAL), Errno.ENOENT, NoSuchDestinationException.class,
                    "IPVS SET_DEST", "no destination 10.1.1.2:80 in service TCP 10.0.0.1:80"),
            new Refusal(h -> h.updateDestination(WEB, REAL), b -> b.updateDestination(WEB, REAL), Errno.ESRCH, NoSuchServiceException.class,
                    "IPVS SET_DEST", "no such service TCP 10.0.0.1:80 (for destination 10.1.1.2:80)"),
            new Refusal(h -> h.delDestination(WEB, REAL), b -> b.delDestination(WEB, REAL), Errno.ENOENT, NoSuchDestinationException.class,
                    "IPVS DEL_DEST", "no destination 10.1.1.2:80 in service TCP 10.0.0.1:80"),
            new Refusal(h -> h.newDestination(WEB, MULTICAST), b -> b.newDestination(WEB, MULTICAST), Errno.EINVAL, IpvsException.class,
                    "IPVS NEW_DEST", "IPVS NEW_DEST destination 224.0.0.9:80 of service TCP 10.0.0.1:80 failed"),
            new Refusal(h -> h.newDaemon(MASTER), null, Errno.EEXIST, IpvsException.class,
                    "IPVS NEW_DAEMON", "a MASTER sync daemon is already running"),
            new Refusal(h -> h.delDaemon(DaemonConfig.State.BACKUP), null, Errno.ESRCH, IpvsException.class,
                    "IPVS DEL_DAEMON", "no BACKUP sync daemon is running"),
            new Refusal(h -> h.newService(WEB), b -> b.newService(WEB), Errno.EPERM, IpvsException.class,
                    "IPVS NEW_SERVICE", "IPVS NEW_SERVICE TCP 10.0.0.1:80: permission denied: IPVS needs CAP_NET_ADMIN in the network namespace"),
            new Refusal(h -> h.delDestination(WEB, REAL), b -> b.delDestination(WEB, REAL), Errno.EPERM, IpvsException.class,
                    "IPVS DEL_DEST", "IPVS DEL_DEST TCP 10.0.0.1:80 -> 10.1.1.2:80: permission denied: IPVS needs CAP_NET_ADMIN in the network namespace"),
            new Refusal(IpvsHandle::flush, IpvsBatch::flush, Errno.EPERM, IpvsException.class,
                    "IPVS FLUSH", "IPVS FLUSH: permission denied: IPVS needs CAP_NET_ADMIN in the network namespace"),
            new Refusal(h -> h.setConfig(TCP_900), b -> b.setConfig(TCP_900), Errno.EACCES,
                    IpvsException.class, "IPVS SET_CONFIG", "IPVS SET_CONFIG: permission denied: IPVS needs CAP_NET_ADMIN in the network namespace"),
            new Refusal(IpvsHandle::getServices, null, Errno.EPERM, IpvsException.class,
                    "IPVS GET_SERVICE dump", "IPVS GET_SERVICE dump: permission denied: IPVS needs CAP_NET_ADMIN in the network namespace"),
            new Refusal(IpvsHandle::getDaemons, null, Errno.EINVAL, IpvsException.class,
                    "IPVS GET_DAEMON dump", "IPVS GET_DAEMON dump failed"));

    @Test
    void eachErrnoBecomesTheExceptionThatNamesTheObject() {
        for (Refusal r : REFUSALS) {
            try (IpvsTestPeer peer = IpvsTestPeer.start(req -> List.of(ack(req, r.errno())));
                 IpvsHandle ipvs = peer.open()) {
                IpvsException e = assertThrows(IpvsException.class, () -> r.op().accept(ipvs), r::toString);
                assertSame(r.type(), e.getClass(), r::toString);
                assertEquals(r.errno(), e.errno(), r::toString);
                assertEquals(r.operation(), e.operation(), r::toString);
                // The domain message first; NetlinkErrnoException may add the errno and the kernel's text.
                assertTrue(e.getMessage().startsWith(r.message()), () -> r + ": " + e.getMessage());
                assertEquals(1, peer.ipvsRequests().size(), r::toString);
                if (e instanceof UnknownSchedulerException u) {
                    assertTrue(r.message().contains(u.module()), r::toString);
                }
            }
        }
    }

    @Test
    void aBatchReportsTheSameExceptionsAsTheHandle() {
        List<Refusal> batchable = REFUSALS.stream().filter(r -> r.queued() != null).toList();
        assertEquals(17, batchable.size());
        for (Refusal r : batchable) {
            try (IpvsTestPeer peer = IpvsTestPeer.start(req -> List.of(ack(req, r.errno())));
                 IpvsHandle ipvs = peer.open()) {
                IpvsException viaHandle = assertThrows(IpvsException.class, () -> r.op().accept(ipvs));
                IpvsBatch batch = ipvs.batch();
                r.queued().accept(batch);
                IpvsBatch.Result result = batch.apply();
                NetlinkException viaBatch = result.failure(0).orElseThrow().exception();
                assertSame(viaHandle.getClass(), viaBatch.getClass(), r::toString);
                assertEquals(viaHandle.getMessage(), viaBatch.getMessage(), r::toString);
                assertArrayEquals(peer.ipvsRequests().get(0).payload(), peer.ipvsRequests().get(1).payload(), r::toString);
            }
        }
    }

    @Test
    void theKernelsExtendedAckTextIsKept() {
        String text = "Attribute failed policy validation";
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> List.of(NetlinkTestPeer.error(req, Errno.EEXIST, text)));
             IpvsHandle ipvs = peer.open()) {
            ServiceExistsException e = assertThrows(ServiceExistsException.class, () -> ipvs.newService(WEB));
            assertEquals(text, e.extendedAck().message());
            assertTrue(e.getMessage().startsWith("service TCP 10.0.0.1:80 already exists"), e.getMessage());
            IpvsException generic = assertThrows(IpvsException.class, () -> ipvs.setConfig(Config.builder().timeoutUdp(Duration.ofSeconds(5)).build()));
            assertEquals(text, generic.extendedAck().message());
            assertTrue(generic.getMessage().startsWith("IPVS SET_CONFIG failed"), generic.getMessage());
        }
    }

    // Replies.

    @Test
    void singleRepliesAreDecoded() {
        Config timeouts = new Config(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300));
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> switch (cmd(req)) {
                case Ipvs.CMD_GET_SERVICE -> List.of(reply(req, Ipvs.CMD_NEW_SERVICE, service(WEB)), ack(req, 0));
                case Ipvs.CMD_GET_CONFIG -> List.of(reply(req, Ipvs.CMD_SET_CONFIG, w -> IpvsCodec.writeConfig(w, timeouts)), ack(req, 0));
                case Ipvs.CMD_GET_INFO -> List.of(reply(req, Ipvs.CMD_SET_INFO, w -> {
                    w.u32(Ipvs.INFO_ATTR_VERSION, 0x010203);
                    w.u32(Ipvs.INFO_ATTR_CONN_TAB_SIZE, 4096);
                }), ack(req, 0));
                default -> List.of(ack(req, 0));
            });
             IpvsHandle ipvs = peer.open()) {
            assertEquals(WEB, ipvs.getService(WEB.toBuilder().scheduler(Scheduler.WLC).build()));
            assertTrue(ipvs.isServicePresent(WEB));
            assertEquals(timeouts, ipvs.getConfig());
            Info info = ipvs.getInfo();
            assertEquals(0x010203, info.version());
            assertEquals(4096, info.connectionTableSize());
            ReceivedRequest get = peer.ipvsRequests().get(0);
            assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, get.flags(), "a GET for one object is no dump");
        }
    }

    @Test
    void aReplyThatNeverComesIsADecodeErrorNotANullValue() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, ipvs::getConfig);
            assertTrue(e.getMessage().contains("IPVS GET_CONFIG") && e.getMessage().contains("without a reply"), e.getMessage());
        }
    }

    @Test
    void isServicePresentIsFalseOnlyForNoSuchService() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> List.of(ack(req, req.seq() % 2 == 0 ? Errno.ESRCH : Errno.EPERM)));
             IpvsHandle ipvs = peer.open()) {
            List<Boolean> answers = new ArrayList<>();
            List<Integer> errnos = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                try {
                    answers.add(ipvs.isServicePresent(WEB));
                } catch (IpvsException e) {
                    errnos.add(e.errno());
                }
            }
            assertEquals(List.of(false), answers);
            assertEquals(List.of(Errno.EPERM), errnos);
        }
    }

    // Dumps.

    @Test
    void aDumpTheKernelFlagsAsInterruptedIsReadAgain() {
        AtomicInteger attempts = new AtomicInteger();
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> attempts.incrementAndGet() == 1
                ? dump(req, part(req, Netlink.NLM_F_DUMP_INTR, Ipvs.CMD_NEW_SERVICE, service(WEB)))
                : dump(req, part(req, 0, Ipvs.CMD_NEW_SERVICE, service(WEB)), part(req, 0, Ipvs.CMD_NEW_SERVICE, service(DNS))));
             IpvsHandle ipvs = peer.open()) {
            assertEquals(List.of(WEB, DNS), ipvs.getServices());
            List<ReceivedRequest> sent = peer.ipvsRequests();
            assertEquals(2, sent.size());
            for (ReceivedRequest r : sent) {
                assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, r.flags());
                assertEquals(Ipvs.CMD_GET_SERVICE, cmd(r));
                assertEquals(Genl.HEADER_SIZE, r.payload().length, "a service dump carries no attributes");
            }
        }
    }

    @Test
    void aDumpInterruptedEveryTimeGivesUpAfterThreeAttempts() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> dump(req, part(req, Netlink.NLM_F_DUMP_INTR, Ipvs.CMD_NEW_SERVICE, service(WEB))));
             IpvsHandle ipvs = peer.open()) {
            NetlinkDumpInterruptedException e = assertThrows(NetlinkDumpInterruptedException.class, ipvs::getServices);
            assertTrue(e.getMessage().contains("IPVS GET_SERVICE dump"), e.getMessage());
            assertEquals(3, peer.ipvsRequests().size());
        }
    }

    @Test
    void getDaemonsAndGetDestinationsRestartToo() {
        AtomicInteger attempts = new AtomicInteger();
        DaemonConfig backup = DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("eth1").syncId(9).build();
        Destination v6 = Destination.builder().address(ip("2001:db8::2")).port(53).build();
        Service dns6 = Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::53")).port(53).build();
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> {
                int flags = attempts.incrementAndGet() % 2 == 1 ? Netlink.NLM_F_DUMP_INTR : 0;
                return switch (cmd(req)) {
                    case Ipvs.CMD_GET_DAEMON -> dump(req, part(req, flags, Ipvs.CMD_NEW_DAEMON, daemon(MASTER)),
                            part(req, 0, Ipvs.CMD_NEW_DAEMON, daemon(backup)));
                    // The kernel leaves out DEST_ATTR_ADDR_FAMILY on old versions: the service's family stands in.
                    case Ipvs.CMD_GET_DEST -> dump(req, part(req, flags, Ipvs.CMD_NEW_DEST, w -> {
                        w.beginNested(Ipvs.CMD_ATTR_DEST);
                        w.bytes(Ipvs.DEST_ATTR_ADDR, v6.address().getAddress());
                        w.u16Be(Ipvs.DEST_ATTR_PORT, 53);
                        w.u32(Ipvs.DEST_ATTR_WEIGHT, 1);
                        w.endNested();
                    }));
                    default -> List.of(ack(req, Errno.EINVAL));
                };
            });
             IpvsHandle ipvs = peer.open()) {
            assertEquals(List.of(MASTER, backup), ipvs.getDaemons());
            assertEquals(List.of(v6), ipvs.getDestinations(dns6));
            List<ReceivedRequest> sent = peer.ipvsRequests();
            assertEquals(List.of(Ipvs.CMD_GET_DAEMON, Ipvs.CMD_GET_DAEMON, Ipvs.CMD_GET_DEST, Ipvs.CMD_GET_DEST),
                    sent.stream().map(IpvsTestPeer::cmd).toList());
            assertEquals(GoldenBytesTest.attributes(GoldenBytesTest.encode(Ipvs.CMD_GET_DEST, w -> IpvsCodec.writeServiceIdentity(w, dns6)),
                    Ipvs.CMD_ATTR_SERVICE), GoldenBytesTest.attributes(sent.get(3).message(), Ipvs.CMD_ATTR_SERVICE));
        }
    }

    @Test
    void listingsComeInIdentityOrderWhateverTheKernelsOrderAndForEachInTheKernels() {
        Service mark = Service.builder().fwMark(7).addressFamily(AddressFamily.INET).build();
        Destination d1 = Destination.builder().address(ip("10.1.1.1")).port(80).build();
        Destination d2 = Destination.builder().address(ip("10.1.1.2")).port(80).build();
        Destination d2low = Destination.builder().address(ip("10.1.1.2")).port(79).build();
        DaemonConfig backup = DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("eth1").build();
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> switch (cmd(req)) {
                // Hash order: anything but the identity order.
                case Ipvs.CMD_GET_SERVICE -> dump(req, part(req, 0, Ipvs.CMD_NEW_SERVICE, service(mark)),
                        part(req, 0, Ipvs.CMD_NEW_SERVICE, service(DNS)), part(req, 0, Ipvs.CMD_NEW_SERVICE, service(WEB)));
                case Ipvs.CMD_GET_DEST -> dump(req, part(req, 0, Ipvs.CMD_NEW_DEST, destination(d2)),
                        part(req, 0, Ipvs.CMD_NEW_DEST, destination(d1)), part(req, 0, Ipvs.CMD_NEW_DEST, destination(d2low)));
                case Ipvs.CMD_GET_DAEMON -> dump(req, part(req, 0, Ipvs.CMD_NEW_DAEMON, daemon(backup)),
                        part(req, 0, Ipvs.CMD_NEW_DAEMON, daemon(MASTER)));
                default -> List.of(ack(req, Errno.EINVAL));
            });
             IpvsHandle ipvs = peer.open()) {
            assertEquals(List.of(WEB, DNS, mark), ipvs.getServices());
            assertEquals(List.of(d1, d2low, d2), ipvs.getDestinations(WEB));
            assertEquals(List.of(MASTER, backup), ipvs.getDaemons());
            List<Service> streamed = new ArrayList<>();
            ipvs.forEachService(streamed::add);
            assertEquals(List.of(mark, DNS, WEB), streamed, "streamed as the kernel sent them");
            List<Destination> streamedDestinations = new ArrayList<>();
            ipvs.forEachDestination(WEB, streamedDestinations::add);
            assertEquals(List.of(d2, d1, d2low), streamedDestinations);
            assertThrows(UnsupportedOperationException.class, () -> ipvs.getServices().clear());
        }
    }

    @Test
    void forEachStreamsOnceAndIsNotRestarted() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> dump(req, part(req, 0, Ipvs.CMD_NEW_SERVICE, service(WEB)),
                part(req, Netlink.NLM_F_DUMP_INTR, Ipvs.CMD_NEW_SERVICE, service(DNS))));
             IpvsHandle ipvs = peer.open()) {
            List<Service> seen = new ArrayList<>();
            assertThrows(NetlinkDumpInterruptedException.class, () -> ipvs.forEachService(seen::add));
            assertEquals(List.of(WEB, DNS), seen);
            assertEquals(1, peer.ipvsRequests().size());
        }
    }

    @Test
    void whatTheActionThrowsIsNotTakenForTheKernelsAnswer() {
        NetlinkErrnoException fromElsewhere = new NetlinkErrnoException("somewhere else", Errno.EPERM, null);
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> dump(req, part(req, 0, Ipvs.CMD_NEW_SERVICE, service(WEB)),
                part(req, 0, Ipvs.CMD_NEW_SERVICE, service(DNS))));
             IpvsHandle ipvs = peer.open()) {
            List<Service> seen = new ArrayList<>();
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> ipvs.forEachService(s -> {
                seen.add(s);
                throw fromElsewhere;
            }));
            assertSame(fromElsewhere, e);
            assertEquals(List.of(WEB), seen);
            assertEquals(List.of(WEB, DNS), ipvs.getServices(), "the dump was drained; the connection is in step");
        }
    }

    // Sync.

    @Test
    void syncRefusesADesiredServiceOutsideItsScopeBeforeSendingAnything() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(IpvsHandlePeerTest::acknowledge);
             IpvsHandle ipvs = peer.open()) {
            IpvsTable desired = IpvsTable.builder().add(WEB, REAL).add(DNS).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ipvs.sync(desired, s -> s.protocol() == Protocol.TCP));
            assertTrue(e.getMessage().contains("UDP 10.0.0.2:53") && e.getMessage().contains("outside the scope"), e.getMessage());
            assertEquals(List.of(), peer.ipvsRequests());
        }
    }

    @Test
    void syncReadsAndChangesOnlyItsScope() {
        Service other = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.3")).port(53).build();
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> switch (cmd(req)) {
                case Ipvs.CMD_GET_SERVICE -> dump(req, part(req, 0, Ipvs.CMD_NEW_SERVICE, service(DNS)),
                        part(req, 0, Ipvs.CMD_NEW_SERVICE, service(other)));
                case Ipvs.CMD_GET_DEST -> dump(req);
                default -> List.of(ack(req, 0));
            });
             IpvsHandle ipvs = peer.open()) {
            IpvsTable desired = IpvsTable.builder().add(WEB, REAL).build();
            IpvsBatch.Result result = ipvs.sync(desired, s -> !s.equals(other));
            assertTrue(result.allSucceeded(), result::toString);
            List<ReceivedRequest> sent = peer.ipvsRequests();
            // One service dump, one destination dump (DNS's only), then the changes.
            assertEquals(List.of(Ipvs.CMD_GET_SERVICE, Ipvs.CMD_GET_DEST, Ipvs.CMD_DEL_SERVICE, Ipvs.CMD_NEW_SERVICE, Ipvs.CMD_NEW_DEST),
                    sent.stream().map(IpvsTestPeer::cmd).toList());
            assertEquals(GoldenBytesTest.attributes(GoldenBytesTest.encode(Ipvs.CMD_DEL_SERVICE, w -> IpvsCodec.writeServiceIdentity(w, DNS)),
                    Ipvs.CMD_ATTR_SERVICE), GoldenBytesTest.attributes(sent.get(2).message(), Ipvs.CMD_ATTR_SERVICE));
            assertEquals(3, result.size());
        }
    }

    // Batches.

    @Test
    void aBatchReportsOnlyItsFailuresEachWithIndexOperationAndChange() {
        AtomicInteger n = new AtomicInteger();
        int[] errnos = {0, Errno.EEXIST, 0, Errno.ESRCH, Errno.ENOENT, 0};
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> List.of(ack(req, errnos[n.getAndIncrement()])));
             IpvsHandle ipvs = peer.open()) {
            IpvsTable desired = IpvsTable.builder().add(DNS, REAL).build();
            List<IpvsChange> changes = IpvsTable.builder().build().changesTo(desired);
            IpvsBatch batch = ipvs.batch()
                    .newService(WEB)
                    .newService(WEB)
                    .flush()
                    .delDestination(WEB, REAL)
                    .addAll(changes);
            assertEquals(4 + changes.size(), batch.size());
            assertEquals(2, changes.size());
            IpvsBatch.Result r = batch.apply();
            assertEquals(0, batch.size(), "applied and emptied");
            assertEquals(6, r.size());
            assertFalse(r.allSucceeded());
            assertEquals(List.of(1, 3, 4), r.failures().stream().map(IpvsBatch.Failure::index).toList());
            assertTrue(r.succeeded(0) && r.succeeded(2) && r.succeeded(5));
            assertTrue(r.failure(0).isEmpty());
            IpvsBatch.Failure exists = r.failure(1).orElseThrow();
            assertEquals("IPVS NEW_SERVICE TCP 10.0.0.1:80", exists.operation());
            assertInstanceOf(ServiceExistsException.class, exists.exception());
            assertTrue(exists.change().isEmpty());
            IpvsBatch.Failure noService = r.failure(3).orElseThrow();
            assertEquals("IPVS DEL_DEST TCP 10.0.0.1:80 -> 10.1.1.2:80", noService.operation());
            assertTrue(noService.exception().getMessage().startsWith("no such service TCP 10.0.0.1:80 (for destination 10.1.1.2:80)"),
                    noService.exception().getMessage());
            IpvsBatch.Failure fromChange = r.failure(4).orElseThrow();
            assertEquals(changes.get(0), fromChange.change().orElseThrow());
            assertInstanceOf(UnknownSchedulerException.class, fromChange.exception());
            assertEquals(1, r.datagramsSent());
            assertThrows(IndexOutOfBoundsException.class, () -> r.failure(6));
            assertEquals(6, peer.ipvsRequests().size());
        }
    }

    @Test
    void operationsWhoseAckNeverComesHaveAnUnknownOutcome() {
        try (IpvsTestPeer peer = IpvsTestPeer.start(req -> cmd(req) == Ipvs.CMD_NEW_DEST ? List.of() : List.of(ack(req, 0)));
             IpvsHandle ipvs = IpvsHandle.open(peer.connect(Duration.ofMillis(300)))) {
            IpvsBatch.Result r = ipvs.batch().newService(WEB).newDestination(WEB, REAL).newService(DNS)
                    .newDestination(DNS, REAL).apply();
            assertEquals(List.of(1, 3), r.failures().stream().map(IpvsBatch.Failure::index).toList());
            assertTrue(r.succeeded(0) && r.succeeded(2));
            assertEquals("IPVS NEW_DEST UDP 10.0.0.2:53 -> 10.1.1.2:80", r.failure(3).orElseThrow().operation());
            assumeFalse(NetlinkErrnoException.class.isAssignableFrom(NetlinkTimeoutException.class),
                    "a timeout is told apart from the kernel's refusals only where it is no errno exception");
            for (IpvsBatch.Failure f : r.failures()) {
                assertInstanceOf(NetlinkTimeoutException.class, f.exception(), f::toString);
            }
        }
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
