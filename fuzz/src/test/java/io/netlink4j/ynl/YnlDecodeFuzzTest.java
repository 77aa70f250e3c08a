// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.YnlTrees;
import io.netlink4j.ynl.testsupport.KernelSpecs;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Messages;
import io.netlink4j.genl.Genl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec-driven decoder, {@link YnlCodec}, over every spec of the kernel's (linux-doc 6.12, from
 * the cache of scripts/ynl-specs). An input chooses a spec, a message of it and how the bytes
 * are framed, then carries the bytes:
 *
 * <pre>
 * byte 0      the spec: index into the specs sorted by file name (modulo their number)
 * bytes 1-2   the message (big-endian, modulo their number): the spec's operations that carry
 *             anything (an attribute set or a fixed header), in spec order, then its attribute sets
 * byte 3      bit 0 set: the rest is a datagram as received, each of whose family messages is
 *             decoded as a message of the operation (after the generic netlink header for
 *             generic netlink families), as the dynamic client decodes replies; clear: the rest is
 *             one message payload (fixed header, then attributes) or one attribute region
 * bytes 4-    the bytes
 * </pre>
 *
 * Oracles: decoding ({@link YnlCodec#decodeMessage}, {@link YnlCodec#decodeAttributes}) either
 * returns a tree or throws {@link io.netlink4j.NetlinkDecodeException}; a decoded tree encodes
 * ({@link YnlCodec#encodeMessage}, {@link YnlCodec#encodeAttributes}) without an exception, and
 * those bytes decode to the same tree; no buffer leaks.
 */
class YnlDecodeFuzzTest {
    /** Bytes before the payload: spec, message (2), framing. */
    static final int HEADER = 4;
    /** Framing bit: the payload is a datagram of netlink messages. */
    static final int DATAGRAM = 1;

    private static List<List<Target>> targets;

    /** What an input is decoded as: the messages of an operation, or an attribute set. */
    record Target(YnlSpec spec, YnlCodec codec, YnlOperation operation, YnlAttributeSet set) {
        Map<String, Object> decode(ByteBuf buf, int offset, int length) {
            return operation != null ? codec.decodeMessage(operation, buf, offset, length)
                    : codec.decodeAttributes(set.name(), AttributeReader.of(buf, offset, offset + length));
        }

        byte[] encode(Map<String, Object> tree) {
            // A heap buffer of the harness's own: nothing to track (allocating a tracked one per
            // message, with the stack trace the paranoid leak detector records, slows fuzzing down).
            ByteBuf buf = Unpooled.buffer(256);
            try {
                MessageWriter w = new MessageWriter().begin(buf, Messages.FAMILY_ID, 0, 1, 0);
                if (operation != null) {
                    codec.encodeMessage(operation, tree, w);
                } else {
                    codec.encodeAttributes(set.name(), tree, w);
                }
                w.end();
                return ByteBufUtil.getBytes(buf, 16, buf.writerIndex() - 16);
            } finally {
                buf.release();
            }
        }

        boolean genl() {
            return spec.protocol() != YnlProtocol.NETLINK_RAW;
        }

        @Override
        public String toString() {
            return spec.name() + " " + (operation != null ? "operation " + operation.name() : "attribute set " + set.name());
        }
    }

    /** The kernel's specs, sorted by file name, and the targets of each; loaded once. */
    static synchronized List<List<Target>> targets() {
        if (targets == null) {
            List<List<Target>> all = new ArrayList<>();
            for (Path file : KernelSpecs.specFiles()) {
                all.add(targets(YnlSpec.load(file, KernelSpecs.schemas())));
            }
            targets = List.copyOf(all);
        }
        return targets;
    }

    static List<Target> targets(YnlSpec spec) {
        YnlCodec codec = new YnlCodec(spec);
        List<Target> out = new ArrayList<>();
        for (YnlOperation op : spec.operations().values()) {
            if (op.attributeSet().isPresent() || op.fixedHeader().isPresent()) {
                out.add(new Target(spec, codec, op, null));
            }
        }
        for (YnlAttributeSet set : spec.attributeSets().values()) {
            out.add(new Target(spec, codec, null, set));
        }
        return List.copyOf(out);
    }

    /** An input for target {@code target} of spec {@code spec} (indexes into {@link #targets()}). */
    static byte[] input(int spec, int target, boolean datagram, byte[] bytes) {
        byte[] out = new byte[HEADER + bytes.length];
        out[0] = (byte) spec;
        out[1] = (byte) (target >> 8);
        out[2] = (byte) target;
        out[3] = (byte) (datagram ? DATAGRAM : 0);
        System.arraycopy(bytes, 0, out, HEADER, bytes.length);
        return out;
    }

    /** Loads and validates the specs (seconds) outside the per-input time limit. */
    @BeforeAll
    static void loadSpecs() {
        targets();
    }

    @FuzzTest
    void decode(byte[] data) {
        if (data.length < HEADER) {
            return;
        }
        List<List<Target>> all = targets();
        List<Target> ofSpec = all.get((data[0] & 0xff) % all.size());
        Target target = ofSpec.get((((data[1] & 0xff) << 8) | (data[2] & 0xff)) % ofSpec.size());
        boolean datagram = (data[3] & DATAGRAM) != 0 && target.operation() != null;
        byte[] bytes = Arrays.copyOfRange(data, HEADER, data.length);
        Fuzzing.withBuffer(bytes, buf -> {
            if (!datagram) {
                check(target, buf, 0, bytes.length);
                return;
            }
            Messages.forEachReply(buf, msg -> {
                int skip = target.genl() ? Genl.HEADER_SIZE : 0;
                if (msg.payloadLength() >= skip) {
                    check(target, msg.buffer(), msg.payloadOffset() + skip, msg.payloadLength() - skip);
                }
            });
        });
    }

    /** Decodes; a tree decoded encodes, and its bytes decode to the same tree. */
    private static void check(Target target, ByteBuf buf, int offset, int length) {
        Map<String, Object> tree = Fuzzing.decodeOrNull(() -> target.decode(buf, offset, length));
        if (tree == null) {
            return;
        }
        byte[] encoded = target.encode(tree);
        ByteBuf again = Unpooled.wrappedBuffer(encoded); // exactly the bytes: a read past them throws
        try {
            Map<String, Object> decoded = target.decode(again, 0, encoded.length);
            assertEquals(YnlTrees.canonical(tree), YnlTrees.canonical(decoded), target::toString);
        } finally {
            again.release();
        }
    }
}
