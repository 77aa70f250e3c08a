// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.internal.GenlFamilyCodec;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Messages;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generic netlink family replies: nlctrl's family dumps through {@link GenlFamilyCodec} and policy
 * dumps through {@link GenlPolicy}'s builder, fed the messages of a datagram as the request
 * engine feeds a dump's reply handler.
 */
class GenlFuzzTest {

    @FuzzTest
    void family(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            GenlFamily family = Fuzzing.decodeOrNull(() -> GenlFamilyCodec.decode(msg));
            if (family != null) {
                assertTrue(family.id() >= 0 && family.id() <= 0xFFFF, "family id " + family.id());
            }
            // Re-encoded, each operation takes at least as much room as it had: keep the nests within 64 KiB.
            if (family != null && family.operations().size() + family.groups().size() < 1000) {
                assertEquals(family, Messages.roundTrip(Genl.CTRL_CMD_NEWFAMILY, w -> write(w, family), GenlFamilyCodec::decode));
            }
        }));
    }

    @FuzzTest
    void policy(byte[] data) {
        GenlPolicy.Builder builder = new GenlPolicy.Builder("fuzz");
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> Fuzzing.decodes(() -> builder.add(msg))));
        GenlPolicy policy = builder.build();
        for (Map<Integer, GenlPolicy.AttributePolicy> rules : policy.policies().values()) {
            for (GenlPolicy.AttributePolicy rule : rules.values()) {
                assertNotNull(rule.type());
                rule.constraints().forEach((name, value) -> assertNotNull(name));
            }
        }
        policy.commands().values().forEach(pair -> assertTrue(pair.doPolicy() >= -1 && pair.dumpPolicy() >= -1));
        assertNotNull(policy.toString());
    }

    /** A CTRL_CMD_NEWFAMILY message as nlctrl writes one. */
    private static void write(MessageWriter w, GenlFamily f) {
        w.u16(Genl.CTRL_ATTR_FAMILY_ID, f.id());
        w.string(Genl.CTRL_ATTR_FAMILY_NAME, f.name());
        w.u32(Genl.CTRL_ATTR_VERSION, f.version());
        w.u32(Genl.CTRL_ATTR_HDRSIZE, f.headerSize());
        w.u32(Genl.CTRL_ATTR_MAXATTR, f.maxAttr());
        w.beginNested(Genl.CTRL_ATTR_OPS);
        int i = 1;
        for (GenlFamily.Operation op : f.operations()) {
            w.beginNested(i++).u32(Genl.CTRL_ATTR_OP_ID, op.id()).u32(Genl.CTRL_ATTR_OP_FLAGS, op.flags()).endNested();
        }
        w.endNested();
        w.beginNested(Genl.CTRL_ATTR_MCAST_GROUPS);
        i = 1;
        for (GenlFamily.MulticastGroup g : f.groups()) {
            w.beginNested(i++).string(Genl.CTRL_ATTR_MCAST_GRP_NAME, g.name()).u32(Genl.CTRL_ATTR_MCAST_GRP_ID, g.id()).endNested();
        }
        w.endNested();
    }
}
