// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.internal.GenlFamilyCodec;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.netlink4j.testing.NetlinkTestPeer.ack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GenlFamilyClient} following a family that the kernel registers anew. Against the host's
 * kernel with its real families (ethtool, nlctrl): a client holding an id the kernel does not know
 * (as after a module reload) finds the family's id and is answered there, a family that is not
 * there is named, and the families' own ENOENTs come back as they were. Against
 * {@link NetlinkTestPeer} playing a kernel whose family id changes from 0x20 to 0x21 (the host has
 * no module to reload): exactly which requests are sent, and when none is.
 */
@Tag("kernel")
class GenlFamilyClientTest {
    // ethtool: ETHTOOL_MSG_LINKSTATE_GET, ETHTOOL_A_LINKSTATE_HEADER, ETHTOOL_A_HEADER_DEV_NAME.
    static final int ETHTOOL_MSG_LINKSTATE_GET = 6;
    static final int ETHTOOL_A_LINKSTATE_HEADER = 1;
    static final int ETHTOOL_A_HEADER_DEV_NAME = 2;
    static final int CTRL = Genl.GENL_ID_CTRL;
    static final int OLD = 0x20;
    static final int NEW = 0x21;
    static final String NAME = "nl4j-demo";

    // The host's kernel.

    /** An id no family of the host's kernel has: above all of them. */
    static int unusedId(GenericNetlink genl) {
        return genl.getFamilies().stream().mapToInt(GenlFamily::id).max().orElseThrow() + 100;
    }

    static GenlFamily withId(GenlFamily f, int id) {
        return new GenlFamily(id, f.name(), f.version(), f.headerSize(), f.maxAttr(), f.operations(), f.groups());
    }

    @Test
    void aClientHoldingAnIdTheKernelNoLongerKnowsFindsTheFamilyAndIsAnsweredThere() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamily ethtool = genl.getFamily("ethtool");
            int stale = unusedId(genl);
            // The kernel's own word first: a request to an id no family has is refused with ENOENT.
            NetlinkErrnoException refused = assertThrows(NetlinkErrnoException.class,
                    () -> genl.execute("ethtool LINKSTATE_GET", withId(ethtool, stale), ETHTOOL_MSG_LINKSTATE_GET, loHeader(), m -> { }));
            assertEquals(Errno.ENOENT, refused.errno());
            assertFalse(refused.extendedAck().isPresent(), "generic netlink refuses an unknown id without an extended ACK");

            GenlFamilyClient client = genl.familyClient(withId(ethtool, stale));
            assertEquals(stale, client.family().id());
            List<Integer> replies = new ArrayList<>();
            client.execute("ethtool LINKSTATE_GET", ETHTOOL_MSG_LINKSTATE_GET, loHeader(), m -> replies.add(Genl.command(m)));
            assertEquals(1, replies.size(), "the link state of lo, answered under the family's real id");
            assertEquals(ethtool.id(), client.family().id());
            assertEquals(ethtool, client.family());
        }
    }

    @Test
    void aFamilyOfItsOwnEnoentIsThrownAsItCameAndTheIdKept() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamilyClient nlctrl = genl.familyClient("nlctrl");
            // nlctrl's own ENOENT: it has no family of that name.
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> nlctrl.request("nlctrl GETFAMILY nl4j-none",
                    Genl.CTRL_CMD_GETFAMILY, w -> w.string(Genl.CTRL_ATTR_FAMILY_NAME, "nl4j-none"), m -> m));
            assertEquals(Errno.ENOENT, e.errno());
            assertFalse(e instanceof GenlFamilyNotFoundException, e.toString());
            assertEquals("nlctrl GETFAMILY nl4j-none", e.operation());
            assertEquals(CTRL, nlctrl.family().id());
            assertEquals(genl.getFamily("ethtool"), nlctrl.request("nlctrl GETFAMILY ethtool", Genl.CTRL_CMD_GETFAMILY,
                    w -> w.string(Genl.CTRL_ATTR_FAMILY_NAME, "ethtool"), GenlFamilyCodec::decode));
        }
    }

    @Test
    void aFamilyTheKernelDoesNotHaveIsNamedAndTheRefusalKept() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamily ghost = new GenlFamily(unusedId(genl), "nl4j-ghost", 1, 0, 1, List.of(), List.of());
            GenlFamilyClient client = genl.familyClient(ghost);
            GenlFamilyNotFoundException e = assertThrows(GenlFamilyNotFoundException.class,
                    () -> client.execute("ghost CMD", 1, w -> { }));
            assertEquals("nl4j-ghost", e.family());
            assertEquals(Errno.ENOENT, e.errno());
            assertTrue(e.getMessage().contains("no longer registered"), e.getMessage());
            assertEquals(1, e.getSuppressed().length, "the refusal that led to the lookup");
            assertEquals("ghost CMD", ((NetlinkErrnoException) e.getSuppressed()[0]).operation());
            assertSame(ghost, client.family(), "kept until the family is back");
            assertThrows(GenlFamilyNotFoundException.class, () -> genl.familyClient("nl4j-ghost"));
        }
    }

    static io.netlink4j.engine.RequestBody loHeader() {
        return w -> w.beginNested(ETHTOOL_A_LINKSTATE_HEADER).string(ETHTOOL_A_HEADER_DEV_NAME, "lo").endNested();
    }

    // A peer playing a kernel whose family is registered anew.

    /**
     * A kernel with one family, {@value #NAME}, under {@code id}'s current value, or none while it is
     * 0: nlctrl answers GETFAMILY with that id or ENOENT; a request to any other id is refused with
     * ENOENT, as generic netlink does; requests to the family's id go to {@code family}.
     */
    static NetlinkTestPeer kernel(AtomicInteger id, NetlinkTestPeer.Responder family) {
        return NetlinkTestPeer.start(req -> {
            int now = id.get();
            if (req.type() == CTRL) {
                return now == 0 ? List.of(ack(req, Errno.ENOENT)) : List.of(newFamily(req, now), ack(req, 0));
            }
            return req.type() == now ? family.respond(req) : List.of(ack(req, Errno.ENOENT));
        });
    }

    static GenericNetlink connect(NetlinkTestPeer peer) {
        return GenericNetlink.open(NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                peer.clientOptions().receiveTimeout(Duration.ofSeconds(10)).build()));
    }

    static List<Integer> types(NetlinkTestPeer peer) {
        return peer.received().stream().map(ReceivedRequest::type).toList();
    }

    static byte[] newFamily(ReceivedRequest req, int id) {
        return genlMessage(CTRL, 0, req, Genl.CTRL_CMD_NEWFAMILY, 2, w -> {
            w.u16(Genl.CTRL_ATTR_FAMILY_ID, id);
            w.string(Genl.CTRL_ATTR_FAMILY_NAME, NAME);
            w.u32(Genl.CTRL_ATTR_VERSION, 1);
            w.u32(Genl.CTRL_ATTR_HDRSIZE, 0);
            w.u32(Genl.CTRL_ATTR_MAXATTR, 1);
        });
    }

    static byte[] genlMessage(int type, int flags, ReceivedRequest req, int cmd, int version, Consumer<MessageWriter> attributes) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        try {
            MessageWriter w = new MessageWriter().begin(buf, type, flags, req.seq(), req.senderPortId());
            Genl.writeHeader(w, cmd, version);
            attributes.accept(w);
            w.end();
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void aFamilyRegisteredUnderAnotherIdIsLookedUpOnceAndTheRequestSentThere() {
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = kernel(id, req -> List.of(ack(req, 0)));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            assertEquals(OLD, client.family().id());
            id.set(NEW);
            client.execute("demo CMD", 1, w -> { });
            assertEquals(NEW, client.family().id());
            assertEquals(NEW, genl.getFamily(NAME).id(), "the connection's cache has the new id too");
            client.execute("demo CMD", 1, w -> { });
            assertEquals(List.of(CTRL, OLD, CTRL, NEW, NEW), types(peer),
                    "the first lookup, the refused request, the lookup, the request again under the new id, the next one straight there");
        }
    }

    @Test
    void everyFormIsFollowed() {
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = kernel(id, req -> (req.message()[Netlink.HEADER_SIZE] & 0xFF) == 2
                ? List.of(NetlinkTestPeer.datagram(genlMessage(id.get(), Netlink.NLM_F_MULTI, req, 2, 1, w -> { }),
                        NetlinkTestPeer.done(req, 0)))
                : List.of(genlMessage(id.get(), 0, req, 1, 1, w -> { }), ack(req, 0)));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            List<Runnable> forms = List.of(
                    () -> client.execute("demo do", 1, w -> { }),
                    () -> assertEquals(1, client.request("demo do", 1, w -> { }, Genl::command)),
                    () -> assertEquals(List.of(2), client.dump("demo dump", 2, w -> { }, Genl::command)),
                    () -> {
                        List<Integer> got = new ArrayList<>();
                        client.execute("demo do", 1, w -> { }, m -> got.add(Genl.command(m)));
                        assertEquals(List.of(1), got);
                    },
                    () -> {
                        List<Integer> got = new ArrayList<>();
                        client.dumpEach("demo dump", 2, w -> { }, m -> got.add(Genl.command(m)));
                        assertEquals(List.of(2), got);
                    });
            int before = 0;
            for (Runnable form : forms) {
                int old = id.get();
                id.set(old + 1);
                form.run();
                List<Integer> sent = types(peer).subList(before, types(peer).size());
                if (before == 0) {
                    sent = sent.subList(1, sent.size());
                }
                assertEquals(List.of(old, CTRL, old + 1), sent);
                assertEquals(old + 1, client.family().id());
                before = types(peer).size();
            }
        }
    }

    @Test
    void anEnoentOfTheFamilyItselfCostsOneLookupAndNoResend() {
        try (NetlinkTestPeer peer = kernel(new AtomicInteger(OLD), req -> List.of(ack(req, Errno.ENOENT)));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> client.execute("demo DEL", 1, w -> { }));
            assertFalse(e instanceof GenlFamilyNotFoundException, e.toString());
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals("demo DEL", e.operation());
            assertEquals(List.of(CTRL, OLD, CTRL), types(peer));
        }
    }

    @Test
    void anEnoentWithAnExtendedAckIsTheFamilysOwnAndCostsNoLookup() {
        try (NetlinkTestPeer peer = kernel(new AtomicInteger(OLD), req -> List.of(NetlinkTestPeer.error(req, Errno.ENOENT, "no such object")));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> client.execute("demo DEL", 1, w -> { }));
            assertEquals("no such object", e.extendedAck().message());
            assertEquals(List.of(CTRL, OLD), types(peer));
        }
    }

    @Test
    void otherErrnosCostNoLookup() {
        try (NetlinkTestPeer peer = kernel(new AtomicInteger(OLD), req -> List.of(ack(req, Errno.EINVAL)));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            assertEquals(Errno.EINVAL, assertThrows(NetlinkErrnoException.class, () -> client.execute("demo SET", 1, w -> { })).errno());
            assertEquals(Errno.EINVAL, assertThrows(NetlinkErrnoException.class, () -> client.dump("demo GET", 2, w -> { }, m -> m)).errno());
            assertEquals(List.of(CTRL, OLD, OLD), types(peer));
        }
    }

    @Test
    void aDumpThatDeliveredRepliesIsNotSentAgain() {
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = kernel(id, req -> List.of(NetlinkTestPeer.datagram(
                genlMessage(OLD, Netlink.NLM_F_MULTI, req, 2, 1, w -> { }), NetlinkTestPeer.done(req, Errno.ENOENT))));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            List<Integer> got = new ArrayList<>();
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                    () -> client.dumpEach("demo dump", 2, w -> { }, m -> got.add(Genl.command(m))));
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals(1, e.repliesDelivered());
            assertEquals(List.of(2), got);
            assertEquals(List.of(CTRL, OLD), types(peer), "the handler had seen a reply: no lookup, no second dump");
        }
    }

    @Test
    void aRequestWhoseHandlerReceivedAReplyIsNotSentAgain() {
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = kernel(id, req -> List.of(NetlinkTestPeer.datagram(
                genlMessage(OLD, 0, req, 1, 1, w -> { }), ack(req, Errno.ENOENT))));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            List<Integer> got = new ArrayList<>();
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                    () -> client.execute("demo do", 1, w -> { }, m -> got.add(Genl.command(m))));
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals(1, e.repliesDelivered());
            assertEquals(List.of(1), got);
            assertEquals(List.of(CTRL, OLD), types(peer), "the handler had seen a reply: no lookup, no second request");
        }
    }

    @Test
    void aListDumpRefusedAfterRepliesIsStillFollowed() {
        // The list form hands out nothing before the end, so a dump the kernel ended with ENOENT is
        // followed as a refused request is, whatever it had sent before.
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
            if (req.type() == CTRL) {
                return List.of(newFamily(req, id.get()), ack(req, 0));
            }
            return req.type() == OLD
                    ? List.of(NetlinkTestPeer.datagram(genlMessage(OLD, Netlink.NLM_F_MULTI, req, 2, 1, w -> { }),
                            NetlinkTestPeer.done(req, Errno.ENOENT)))
                    : List.of(NetlinkTestPeer.datagram(genlMessage(req.type(), Netlink.NLM_F_MULTI, req, 3, 1, w -> { }),
                            NetlinkTestPeer.done(req, 0)));
        });
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            id.set(NEW);
            assertEquals(List.of(3), client.dump("demo dump", 2, w -> { }, Genl::command));
            assertEquals(List.of(CTRL, OLD, CTRL, NEW), types(peer));
        }
    }

    @Test
    void whileTheFamilyIsGoneRequestsSayItAndOnceBackTheClientWorks() {
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = kernel(id, req -> List.of(ack(req, 0)));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            id.set(0);
            GenlFamilyNotFoundException e = assertThrows(GenlFamilyNotFoundException.class, () -> client.execute("demo CMD", 1, w -> { }));
            assertEquals(NAME, e.family());
            assertInstanceOf(NetlinkErrnoException.class, e.getSuppressed()[0]);
            assertEquals(OLD, client.family().id());
            id.set(NEW + 5);
            client.execute("demo CMD", 1, w -> { });
            assertEquals(NEW + 5, client.family().id());
            assertEquals(List.of(CTRL, OLD, CTRL, OLD, CTRL, NEW + 5), types(peer));
        }
    }

    @Test
    void refreshLooksTheFamilyUpNow() {
        AtomicInteger id = new AtomicInteger(OLD);
        try (NetlinkTestPeer peer = kernel(id, req -> List.of(ack(req, 0)));
             GenericNetlink genl = connect(peer)) {
            GenlFamilyClient client = genl.familyClient(NAME);
            id.set(NEW);
            assertEquals(NEW, client.refresh().id());
            assertEquals(NEW, client.family().id());
            assertEquals(NAME, client.name());
            assertSame(genl, client.genericNetlink());
            assertEquals(List.of(CTRL, CTRL), types(peer));
        }
    }
}
