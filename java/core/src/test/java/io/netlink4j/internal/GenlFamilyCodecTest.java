// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netlink4j.genl.Genl;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.NetlinkAttribute;
import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.netlink4j.genl.Genl.CTRL_ATTR_FAMILY_ID;
import static io.netlink4j.genl.Genl.CTRL_ATTR_FAMILY_NAME;
import static io.netlink4j.genl.Genl.CTRL_ATTR_HDRSIZE;
import static io.netlink4j.genl.Genl.CTRL_ATTR_MAXATTR;
import static io.netlink4j.genl.Genl.CTRL_ATTR_MCAST_GROUPS;
import static io.netlink4j.genl.Genl.CTRL_ATTR_MCAST_GRP_ID;
import static io.netlink4j.genl.Genl.CTRL_ATTR_MCAST_GRP_NAME;
import static io.netlink4j.genl.Genl.CTRL_ATTR_OPS;
import static io.netlink4j.genl.Genl.CTRL_ATTR_OP_FLAGS;
import static io.netlink4j.genl.Genl.CTRL_ATTR_OP_ID;
import static io.netlink4j.genl.Genl.CTRL_ATTR_POLICY;
import static io.netlink4j.genl.Genl.CTRL_ATTR_VERSION;
import static io.netlink4j.genl.Genl.CTRL_CMD_NEWFAMILY;
import static io.netlink4j.genl.Genl.GENL_ID_CTRL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/** Decoding nlctrl's description of a family. */
class GenlFamilyCodecTest {
    private static final int NESTED = NetlinkAttribute.F_NESTED;

    /** Decodes the only message in {@code bytes}. */
    private static GenlFamily decode(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            MessageReader r = MessageReader.of(buf, 0, bytes.length);
            assertTrue(r.next());
            GenlFamily family = GenlFamilyCodec.decode(r);
            assertFalse(r.next());
            return family;
        } finally {
            buf.release();
        }
    }

    private static NetlinkBytes newFamily() {
        return new NetlinkBytes().message(GENL_ID_CTRL, 0, 1, 0).u8(CTRL_CMD_NEWFAMILY).u8(2).u16(0);
    }

    @Test
    void handBuiltReplyInUnusualOrder() {
        byte[] bytes = newFamily()
                // Groups first, nests without NLA_F_NESTED (as older kernels sent them), id before name.
                .nest(CTRL_ATTR_MCAST_GROUPS)
                .nest(1).attrU32(CTRL_ATTR_MCAST_GRP_ID, 5).attrString(CTRL_ATTR_MCAST_GRP_NAME, "config").endNest()
                .nest(2 | NESTED).attrU32(77, 1).attrString(CTRL_ATTR_MCAST_GRP_NAME, "scan")
                .attrU32(CTRL_ATTR_MCAST_GRP_ID, 6).endNest()
                .endNest()
                .attr(42, new byte[] {1, 2, 3})
                .attrU32(CTRL_ATTR_MAXATTR, 330)
                .nest(CTRL_ATTR_OPS | NESTED)
                .nest(1 | NESTED).attrU32(CTRL_ATTR_OP_FLAGS, 0x0e).attrU32(CTRL_ATTR_OP_ID, 7).endNest()
                .nest(2).attrU32(CTRL_ATTR_OP_ID, 0x1f).flag(3).endNest()
                .nest(3 | NESTED).attrU32(CTRL_ATTR_OP_ID, 0).attrU32(CTRL_ATTR_OP_FLAGS, 0xFFFF_FFFF).endNest()
                .endNest()
                .nest(CTRL_ATTR_POLICY | NESTED).nest(1 | NESTED).attrU32(1, 4).endNest().endNest()
                .attrU32(CTRL_ATTR_VERSION, 1)
                .attrString(CTRL_ATTR_FAMILY_NAME, "nl80211")
                .attrU32(CTRL_ATTR_HDRSIZE, 0)
                .flag(0x3FFF)
                .attrU16(CTRL_ATTR_FAMILY_ID, 0x1c)
                .endMessage().toArray();

        GenlFamily family = decode(bytes);

        GenlFamily expected = new GenlFamily(0x1c, "nl80211", 1, 0, 330,
                List.of(new GenlFamily.Operation(7, 0x0e), new GenlFamily.Operation(0x1f, 0),
                        new GenlFamily.Operation(0, 0xFFFF_FFFF)),
                List.of(new GenlFamily.MulticastGroup(5, "config"), new GenlFamily.MulticastGroup(6, "scan")));
        assertEquals(expected, family);
        assertEquals(Optional.of(new GenlFamily.MulticastGroup(6, "scan")), family.group("scan"));
        assertEquals(Optional.empty(), family.group("mlme"));
        GenlFamily.Operation op = family.operation(7).orElseThrow();
        assertTrue(op.canDo() && op.canDump() && op.hasPolicy());
        assertFalse(op.requiresAdmin());
        assertTrue(family.operation(0).orElseThrow().requiresAdmin());
    }

    @Test
    void minimalReplyHasDefaults() {
        byte[] bytes = newFamily().attrString(CTRL_ATTR_FAMILY_NAME, "TASKSTATS").attrU16(CTRL_ATTR_FAMILY_ID, 0x17)
                .endMessage().toArray();
        assertEquals(new GenlFamily(0x17, "TASKSTATS", 0, 0, 0, List.of(), List.of()), decode(bytes));
    }

    @Test
    void missingIdIsRejected() {
        byte[] bytes = newFamily().attrString(CTRL_ATTR_FAMILY_NAME, "nl80211").attrU32(CTRL_ATTR_VERSION, 1)
                .endMessage().toArray();
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> decode(bytes));
        assertTrue(e.getMessage().contains("CTRL_ATTR_FAMILY_ID"), e.getMessage());
    }

    @Test
    void missingNameIsRejected() {
        byte[] bytes = newFamily().attrU16(CTRL_ATTR_FAMILY_ID, 0x1c).attrU32(CTRL_ATTR_VERSION, 1).endMessage().toArray();
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> decode(bytes));
        assertTrue(e.getMessage().contains("CTRL_ATTR_FAMILY_NAME"), e.getMessage());
    }

    @Test
    void operationWithoutIdIsRejected() {
        byte[] bytes = newFamily().attrU16(CTRL_ATTR_FAMILY_ID, 0x1c).attrString(CTRL_ATTR_FAMILY_NAME, "x")
                .nest(CTRL_ATTR_OPS | NESTED).nest(1 | NESTED).attrU32(CTRL_ATTR_OP_FLAGS, 2).endNest().endNest()
                .endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(bytes));
    }

    @Test
    void groupWithoutNameOrIdIsRejected() {
        byte[] noName = newFamily().attrU16(CTRL_ATTR_FAMILY_ID, 0x1c).attrString(CTRL_ATTR_FAMILY_NAME, "x")
                .nest(CTRL_ATTR_MCAST_GROUPS | NESTED).nest(1 | NESTED).attrU32(CTRL_ATTR_MCAST_GRP_ID, 2).endNest().endNest()
                .endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(noName));
        byte[] noId = newFamily().attrU16(CTRL_ATTR_FAMILY_ID, 0x1c).attrString(CTRL_ATTR_FAMILY_NAME, "x")
                .nest(CTRL_ATTR_MCAST_GROUPS | NESTED).nest(1 | NESTED).attrString(CTRL_ATTR_MCAST_GRP_NAME, "g").endNest().endNest()
                .endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(noId));
    }

    @Test
    void wronglySizedAttributesAreRejected() {
        // CTRL_ATTR_FAMILY_ID is a u16; CTRL_ATTR_VERSION a u32.
        byte[] wideId = newFamily().attrU32(CTRL_ATTR_FAMILY_ID, 0x1c).attrString(CTRL_ATTR_FAMILY_NAME, "x")
                .endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(wideId));
        byte[] shortVersion = newFamily().attrU16(CTRL_ATTR_FAMILY_ID, 0x1c).attrString(CTRL_ATTR_FAMILY_NAME, "x")
                .attrU8(CTRL_ATTR_VERSION, 1).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(shortVersion));
    }

    @Test
    void messageWithoutGenlHeaderIsRejected() {
        byte[] bytes = new NetlinkBytes().message(GENL_ID_CTRL, 0, 1, 0).u8(CTRL_CMD_NEWFAMILY).u8(2).endMessageUnpadded().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(bytes));
    }

    // ---- Round trip through an encoder with nlctrl's layout. ----

    /**
     * Writes {@code family} the way nlctrl's ctrl_fill_info does, with the top-level attributes in
     * an order chosen by {@code shuffle} (0: the kernel's), and empty lists either omitted (as the
     * kernel does) or sent as empty nests.
     */
    static void encode(MessageWriter w, GenlFamily family, long shuffle, boolean emptyNests) {
        Genl.writeHeader(w, CTRL_CMD_NEWFAMILY, 2);
        List<Runnable> attributes = new ArrayList<>(List.of(
                () -> w.u16(CTRL_ATTR_FAMILY_ID, family.id()),
                () -> w.string(CTRL_ATTR_FAMILY_NAME, family.name()),
                () -> w.u32(CTRL_ATTR_VERSION, family.version()),
                () -> w.u32(CTRL_ATTR_HDRSIZE, family.headerSize()),
                () -> w.u32(CTRL_ATTR_MAXATTR, family.maxAttr())));
        if (emptyNests || !family.operations().isEmpty()) {
            attributes.add(() -> {
                w.beginNested(CTRL_ATTR_OPS);
                int index = 1;
                for (GenlFamily.Operation op : family.operations()) {
                    w.beginNested(index++).u32(CTRL_ATTR_OP_ID, op.id()).u32(CTRL_ATTR_OP_FLAGS, op.flags()).endNested();
                }
                w.endNested();
            });
        }
        if (emptyNests || !family.groups().isEmpty()) {
            attributes.add(() -> {
                w.beginNested(CTRL_ATTR_MCAST_GROUPS);
                int index = 1;
                for (GenlFamily.MulticastGroup group : family.groups()) {
                    w.beginNested(index++).string(CTRL_ATTR_MCAST_GRP_NAME, group.name())
                            .u32(CTRL_ATTR_MCAST_GRP_ID, group.id()).endNested();
                }
                w.endNested();
            });
        }
        if (shuffle != 0) {
            Collections.shuffle(attributes, new Random(shuffle));
        }
        attributes.forEach(Runnable::run);
    }

    /** Names of up to GENL_NAMSIZ - 1 printable ASCII characters. */
    private static final Gen<String> NAMES = strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(1, Genl.MAX_FAMILY_NAME);
    private static final Gen<Integer> U32S = Generate.oneOf(integers().all(), Generate.pick(List.of(0, -1, Integer.MIN_VALUE)));

    // Operation and group ids are u32 on the wire; the decoder keeps them as non-negative ints.
    private static final Gen<GenlFamily.Operation> OPERATIONS =
            integers().between(0, Integer.MAX_VALUE).zip(U32S, GenlFamily.Operation::new);
    private static final Gen<GenlFamily.MulticastGroup> GROUPS =
            integers().between(0, Integer.MAX_VALUE).zip(NAMES, GenlFamily.MulticastGroup::new);

    /** version, headerSize, maxAttr. */
    private static final Gen<int[]> NUMBERS = U32S.zip(U32S, U32S, (a, b, c) -> new int[] {a, b, c});

    private static final Gen<GenlFamily> FAMILIES = integers().between(0, 0xFFFF).zip(NAMES, NUMBERS,
            lists().of(OPERATIONS).ofSizeBetween(0, 12), lists().of(GROUPS).ofSizeBetween(0, 6),
            (id, name, n, ops, groups) -> new GenlFamily(id, name, n[0], n[1], n[2], ops, groups));

    @Test
    void familiesRoundTrip() {
        Gen<Long> shuffles = Generate.oneOf(Generate.constant(0L), longs().all());
        qt().withExamples(500).forAll(FAMILIES, shuffles, booleans().all()).checkAssert((family, shuffle, emptyNests) -> {
            ByteBuf buf = Unpooled.buffer();
            try {
                MessageWriter w = new MessageWriter().begin(buf, GENL_ID_CTRL, 0, 9, 0);
                encode(w, family, shuffle, emptyNests);
                w.end();
                MessageReader r = MessageReader.of(buf, 0, buf.writerIndex());
                assertTrue(r.next());
                assertEquals(CTRL_CMD_NEWFAMILY, Genl.command(r));
                assertEquals(2, Genl.version(r));
                assertEquals(family, GenlFamilyCodec.decode(r));
                assertFalse(r.next());
            } finally {
                buf.release();
            }
        });
    }
}
