// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.families;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.ynl.YnlCodec;
import io.netlink4j.ynl.YnlSchemas;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.families.netdev.Dev;
import io.netlink4j.ynl.families.netdev.UnknownAttribute;
import io.netlink4j.ynl.families.netdev.XdpAct;
import io.netlink4j.ynl.families.rtroute.RouteAttrs;
import io.netlink4j.ynl.families.rtroute.RouteAttrsMessage;
import io.netlink4j.ynl.families.rtroute.RtmType;
import io.netlink4j.ynl.families.rtroute.Rtmsg;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated codecs without a kernel: the same bytes as the dynamic codec for the same values,
 * what the spec does not know kept and encoded back, malformed bytes refused, values checked.
 */
class GeneratedCodecTest {

    private static YnlSpec spec(String family) {
        String property = System.getProperty("netlink4j.ynl.specs");
        Path dir = property == null ? null : Path.of(property);
        if (dir == null || !Files.isDirectory(dir.resolve("specs"))) {
            String problem = "the kernel's netlink specs are not in " + property + ": run scripts/ynl-specs prepare";
            if (Boolean.getBoolean("netlink4j.ynl.specs.optional")) {
                Assumptions.abort(problem);
            }
            throw new AssertionError(problem);
        }
        return YnlSpec.load(dir.resolve("specs").resolve(family + ".yaml"), YnlSchemas.load(dir.resolve("schemas")));
    }

    private static byte[] encode(Consumer<MessageWriter> body) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0, 0, 0, 0);
            body.accept(w);
            w.end();
            return ByteBufUtil.getBytes(buf, Netlink.HEADER_SIZE, buf.writerIndex() - Netlink.HEADER_SIZE);
        } finally {
            buf.release();
        }
    }

    private static <T> T decode(byte[] bytes, java.util.function.Function<AttributeReader, T> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return decoder.apply(AttributeReader.of(buf, 0, bytes.length));
        } finally {
            buf.release();
        }
    }

    @Test
    void sameBytesAsTheDynamicCodecAndUnknownsKept() {
        YnlCodec codec = new YnlCodec(spec("netdev"));
        Dev dev = Dev.builder().ifindex(7).xdpFeatures(XdpAct.of(XdpAct.BASIC, XdpAct.REDIRECT))
                .xdpZcMaxSegs(1).unknown(List.of(new UnknownAttribute(99, false, new byte[] {1, 2, 3, 4}))).build();
        byte[] typed = encode(dev::encodeTo);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("ifindex", 7L);
        tree.put("xdp-features", java.util.Set.of("basic", "redirect"));
        tree.put("xdp-zc-max-segs", 1L);
        tree.put("UnknownAttr(99)", new byte[] {1, 2, 3, 4});
        byte[] dynamic = encode(w -> codec.encodeAttributes("dev", tree, w));
        assertArrayEquals(dynamic, typed);

        Dev back = decode(typed, Dev::decode);
        assertEquals(dev, back);
        assertEquals(List.of(new UnknownAttribute(99, false, new byte[] {1, 2, 3, 4})), back.unknown());
        assertArrayEquals(typed, encode(back::encodeTo));
        assertEquals("Dev[ifindex=7, xdpFeatures=BASIC|REDIRECT, xdpZcMaxSegs=1, unknown=[UnknownAttr(99)=01020304]]",
                back.toString());
    }

    @Test
    void unknownFlagBitsAndEnumValuesAreKept() {
        XdpAct withNewBit = XdpAct.of(XdpAct.BASIC.value() | (1L << 40));
        assertFalse(withNewBit.isKnown());
        assertEquals(List.of("BASIC", "0x10000000000"), withNewBit.names());
        Dev dev = Dev.builder().ifindex(1).xdpFeatures(withNewBit).build();
        assertEquals(dev, decode(encode(dev::encodeTo), Dev::decode));

        RtmType newType = RtmType.of(200);
        assertFalse(newType.isKnown());
        assertEquals("200", newType.name());
        assertTrue(RtmType.UNICAST.isKnown());
        assertEquals(RtmType.UNICAST, RtmType.of(1));
        RouteAttrsMessage m = new RouteAttrsMessage(new Rtmsg(2, 24, 0, 0, 254, 4, 0, newType, 0),
                RouteAttrs.builder().rtaOif(3).build());
        byte[] bytes = encode(m::encodeTo);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            assertEquals(m, RouteAttrsMessage.decode(buf, 0, bytes.length));
        } finally {
            buf.release();
        }
    }

    @Test
    void malformedBytesAreADecodeException() {
        // ifindex (u32) with a 2-byte payload
        byte[] shortIfindex = encode(w -> w.u16(1, 7));
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> decode(shortIfindex, Dev::decode));
        assertTrue(e.getMessage().contains("expected: 4"), e.getMessage());
        // an attribute longer than what is left
        byte[] truncated = encode(w -> w.u32(1, 7));
        byte[] cut = java.util.Arrays.copyOf(truncated, 6);
        assertThrows(NetlinkDecodeException.class, () -> decode(cut, Dev::decode));
        // a fixed header shorter than its struct
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[8]);
        try {
            NetlinkDecodeException h = assertThrows(NetlinkDecodeException.class, () -> RouteAttrsMessage.decode(buf, 0, 8));
            assertEquals("rtmsg: 8 bytes (expected: at least 12)", h.getMessage());
        } finally {
            buf.release();
        }
    }

    @Test
    void valuesAreCheckedNamingTheField() {
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> new Rtmsg(256, 0, 0, 0, 0, 0, 0, RtmType.UNICAST, 0));
        assertEquals("rtmFamily: 256 (expected: 0-255)", header.getMessage());
        IllegalArgumentException attr = assertThrows(IllegalArgumentException.class,
                () -> RouteAttrs.builder().rtaOif(-1));
        assertEquals("rta-oif: -1 (expected: 0-4294967295)", attr.getMessage());
        assertThrows(NullPointerException.class, () -> RouteAttrs.builder().rtaDst(null));

        assertEquals(XdpAct.of(XdpAct.BASIC, XdpAct.REDIRECT), XdpAct.parse("basic|redirect"));
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class, () -> XdpAct.parse("basic|bogus"));
        assertTrue(flag.getMessage().startsWith("xdp-act: basic|bogus (expected: names among BASIC, REDIRECT"),
                flag.getMessage());
        assertEquals(RtmType.UNICAST, RtmType.parse("unicast"));
        assertEquals(RtmType.of(7), RtmType.parse("7"));
        IllegalArgumentException en = assertThrows(IllegalArgumentException.class, () -> RtmType.parse("bogus"));
        assertTrue(en.getMessage().startsWith("rtm-type: bogus (expected: UNSPEC, UNICAST,"), en.getMessage());

        // Immutable: byte arrays are copied in and out.
        byte[] dst = {10, 62, 0, 0};
        RouteAttrs a = RouteAttrs.builder().rtaDst(dst).build();
        dst[0] = 1;
        a.rtaDst().orElseThrow()[1] = 1;
        assertArrayEquals(new byte[] {10, 62, 0, 0}, a.rtaDst().orElseThrow());
        assertEquals(a, a.toBuilder().build());
    }
}
