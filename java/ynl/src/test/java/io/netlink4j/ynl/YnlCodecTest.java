// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.MessageWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.netlink4j.ynl.testsupport.YnlTrees.canonical;
import static io.netlink4j.ynl.testsupport.YnlTrees.decode;
import static io.netlink4j.ynl.testsupport.YnlTrees.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codec against bytes laid out as the kernel's uAPI headers define them (x86_64: little-endian host). */
class YnlCodecTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void netdevDeviceWithFlagsByName() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("netdev"));
        // NETDEV_A_DEV_IFINDEX (1) u32 = 2; NETDEV_A_DEV_XDP_FEATURES (3) u64 = BASIC|REDIRECT (bits 0, 1)
        byte[] wire = hex("0800 0100 02000000  0c00 0300 0300000000000000");
        Map<String, Object> tree = decode(codec, "dev", wire);
        assertEquals(2L, tree.get("ifindex"));
        assertEquals(Set.of("basic", "redirect"), tree.get("xdp-features"));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "dev", tree)));
    }

    @Test
    void unknownAttributesAndValuesAreKeptByNumber() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("netdev"));
        // attribute 99 (not in dev), a nest 98 with attribute 1 inside; xdp-features with bit 40 set
        byte[] wire = hex("0800 6300 01020304  0c00 6280 0800 0100 05000000  0c00 0300 0000000000010000");
        Map<String, Object> tree = decode(codec, "dev", wire);
        assertEquals("bytes:01020304", canonical(tree.get("UnknownAttr(99)")));
        assertEquals(Map.of("UnknownAttr(1)", "bytes:05000000"), canonical(tree.get("UnknownAttr(98)")));
        assertEquals(Set.of(1L << 40), tree.get("xdp-features"));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "dev", tree)));
    }

    @Test
    void rtAddrMessageWithItsFixedHeaderAndAddresses() {
        YnlSpec spec = KernelSpecs.spec("rt_addr");
        YnlCodec codec = new YnlCodec(spec);
        YnlOperation newaddr = spec.operation("newaddr");
        // struct ifaddrmsg { u8 family = AF_INET; u8 prefixlen = 24; u8 flags = 0x80 (permanent); u8 scope = 0;
        //                    u32 index = 7 }, IFA_LOCAL (2) = 192.0.2.1, IFA_LABEL (3) = "eth0"
        byte[] payload = hex("02 18 80 00 07000000  0800 0200 c0000201  0900 0300 65746830 00 000000");
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        Map<String, Object> tree;
        try {
            tree = codec.decodeMessage(newaddr, buf, 0, payload.length);
        } finally {
            buf.release();
        }
        assertEquals(2L, tree.get("ifa-family"));
        assertEquals(24L, tree.get("ifa-prefixlen"));
        assertEquals(7L, tree.get("ifa-index"));
        assertEquals("192.0.2.1", tree.get("ifa-local"));
        assertEquals("eth0", tree.get("ifa-label"));
        ByteBuf out = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(out, 20, 0, 0, 0);
            codec.encodeMessage(newaddr, tree, w);
            w.end();
            assertEquals(HexFormat.of().formatHex(payload), HexFormat.of().formatHex(ByteBufUtil.getBytes(out, 16, out.writerIndex() - 16)));
        } finally {
            out.release();
        }
    }

    @Test
    void rtLinkInfoDataIsChosenByItsKind() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("rt_link"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stp-state", 1L);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("kind", "bridge");
        info.put("data", data);
        byte[] wire = encode(codec, "linkinfo-attrs", info);
        // IFLA_INFO_KIND (1) "bridge\0", IFLA_INFO_DATA (2, nested) { IFLA_BR_STP_STATE (5) u32 1 }
        assertEquals("0b000100 627269646765 00 00 0c000280 0800050001000000".replace(" ", ""),
                HexFormat.of().formatHex(wire));
        assertEquals(canonical(info), canonical(decode(codec, "linkinfo-attrs", wire)));

        // A kind the spec has no format for: its data is kept as bytes.
        byte[] other = hex("0c00 0100 6e6f7468696e6700  0800 0200 01020304");
        Map<String, Object> tree = decode(codec, "linkinfo-attrs", other);
        assertEquals("nothing", tree.get("kind"));
        assertEquals("bytes:01020304", canonical(tree.get("data")));
        assertEquals(HexFormat.of().formatHex(other), HexFormat.of().formatHex(encode(codec, "linkinfo-attrs", tree)));
    }

    @Test
    void nlctrlMulticastGroupsAreAnIndexedArray() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("nlctrl"));
        // CTRL_ATTR_MCAST_GROUPS (7) { 1: { CTRL_ATTR_MCAST_GRP_NAME (1) "mgmt", CTRL_ATTR_MCAST_GRP_ID (2) 33 } }
        byte[] wire = hex("1c00 0780 1800 0180 0900 0100 6d676d74 00 000000 0800 0200 21000000");
        Map<String, Object> tree = decode(codec, "ctrl-attrs", wire);
        assertEquals(List.of(Map.of("1", Map.of("name", "mgmt", "id", 33L))), tree.get("mcast-groups"));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "ctrl-attrs", tree)));
    }

    @Test
    void malformedBytesAreADecodeException() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("netdev"));
        // ifindex (u32) with a 3-byte payload
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class,
                () -> decode(codec, "dev", hex("0700 0100 020000 00")));
        assertTrue(e.getMessage().contains("dev.ifindex") && e.getMessage().contains("expected: 4"), e.getMessage());
        // an attribute longer than the region
        assertThrows(NetlinkDecodeException.class, () -> decode(codec, "dev", hex("0c00 0100 02000000")));
    }

    @Test
    void addressesOfEitherFamilyEncodeUnderEitherAddressHint() {
        // rt_route's rta-dst has the hint ipv4 but holds IPv6 routes' destinations too: decoded by
        // length, as the kernel's ynl prints them, they encode back to the same bytes.
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("rt_route"));
        byte[] v6 = hex("1400 0100 fd970000000000000000000000000001");
        Map<String, Object> tree = decode(codec, "route-attrs", v6);
        assertEquals("fd97::1", tree.get("rta-dst"));
        assertEquals(HexFormat.of().formatHex(v6), HexFormat.of().formatHex(encode(codec, "route-attrs", tree)));
        byte[] v4 = hex("0800 0100 0a620000");
        assertEquals(HexFormat.of().formatHex(v4),
                HexFormat.of().formatHex(encode(codec, "route-attrs", decode(codec, "route-attrs", v4))));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> encode(codec, "route-attrs", Map.of("rta-dst", "fd97::x")));
        assertEquals("route-attrs.rta-dst: fd97::x (expected: an IPv6 address)", bad.getMessage());
    }

    @Test
    void badValuesAreRefusedNamingTheAttributeAndTheAllowedValues() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("rt_addr"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> encode(codec, "addr-attrs", Map.of("ifa-flags", -1L)));
        assertEquals("addr-attrs.ifa-flags: -1 (expected: 0-4294967295)", range.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> encode(codec, "addr-attrs", Map.of("ifa-lable", "x")));
        assertTrue(name.getMessage().startsWith("addr-attrs.ifa-lable: no such attribute (expected: one of ifa-address,"),
                name.getMessage());
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> encode(codec, "addr-attrs", Map.of("ifa-flags", Set.of("permanent", "eternal"))));
        assertTrue(flag.getMessage().contains("eternal") && flag.getMessage().contains("permanent"), flag.getMessage());
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> encode(codec, "addr-attrs", Map.of("ifa-local", "192.0.2.256")));
        assertEquals("addr-attrs.ifa-local: 192.0.2.256 (expected: an IPv4 address, a.b.c.d)", address.getMessage());
    }

    @Test
    void aNameOfBothTheFixedHeaderAndAnAttributeKeepsTheAttributesValueAndEncodesBoth() {
        YnlSpec spec = KernelSpecs.spec("rt_addr");
        YnlCodec codec = new YnlCodec(spec);
        YnlOperation getaddr = spec.operation("getaddr");
        // ifaddrmsg { AF_INET6, 64, flags = 0x80 (permanent), scope 0, index 2 }, then IFA_FLAGS (8)
        // u32 = 0x380: permanent, managetempaddr and noprefixroute, which the u8 cannot hold
        byte[] payload = hex("0a 40 80 00 02000000  0800 0800 80030000");
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        Map<String, Object> tree;
        try {
            tree = codec.decodeMessage(getaddr, buf, 0, payload.length);
        } finally {
            buf.release();
        }
        assertEquals(Set.of("permanent", "managetempaddr", "noprefixroute"), tree.get("ifa-flags"));
        ByteBuf out = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(out, 20, 0, 0, 0);
            codec.encodeMessage(getaddr, tree, w);
            w.end();
            // The header keeps the bits a u8 holds, as the kernel fills ifa_flags from IFA_FLAGS.
            assertEquals(HexFormat.of().formatHex(payload), HexFormat.of().formatHex(ByteBufUtil.getBytes(out, 16, out.writerIndex() - 16)));
        } finally {
            out.release();
        }
    }

    @Test
    void addressesOfEitherFamilyUnderTheIpv4HintEncodeBack() {
        // rt_addr's spec gives ifa-address the hint ipv4; an IPv6 address decodes by its 16 bytes.
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("rt_addr"));
        byte[] wire = hex("1400 0100 20010db8000000000000000000000001  0800 0200 c0000201");
        Map<String, Object> tree = decode(codec, "addr-attrs", wire);
        assertEquals("2001:db8::1", tree.get("ifa-address"));
        assertEquals("192.0.2.1", tree.get("ifa-local"));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "addr-attrs", tree)));
    }

    @Test
    void padAttributesAsDecodedEncodeBack() {
        // nlctrl's policy dumps carry pad attributes (before 64-bit values); decoded they are bytes.
        YnlSpec spec = KernelSpecs.spec("nlctrl");
        YnlCodec codec = new YnlCodec(spec);
        int pad = spec.attributeSet("policy-attrs").attribute("pad").orElseThrow().value();
        byte[] wire = hex("0400 " + String.format("%02x00", pad) + " 0800 0100 03000000");
        Map<String, Object> tree = decode(codec, "policy-attrs", wire);
        assertEquals("bytes:", canonical(tree.get("pad")));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "policy-attrs", tree)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode(codec, "policy-attrs", Map.of("pad", 1L)));
        assertTrue(e.getMessage().startsWith("policy-attrs.pad: a pad attribute carries no value"), e.getMessage());
    }

    @Test
    void aStructShorterThanTheSpecsKeepsItsBytes() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("rt_addr"));
        // IFA_CACHEINFO (6) is struct ifa_cacheinfo, 16 bytes; these 8 bytes reach half its members
        byte[] wire = hex("0c00 0600 10000000 20000000");
        Map<String, Object> tree = decode(codec, "addr-attrs", wire);
        assertEquals("bytes:1000000020000000", canonical(tree.get("ifa-cacheinfo")));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "addr-attrs", tree)));
        // The whole struct is its members.
        byte[] whole = hex("1400 0600 10000000 20000000 30000000 40000000");
        assertEquals(Map.of("ifa-prefered", 16L, "ifa-valid", 32L, "cstamp", 48L, "tstamp", 64L),
                decode(codec, "addr-attrs", whole).get("ifa-cacheinfo"));
    }

    @Test
    void aPadAttributeNamedLikeAPadMemberOfTheFixedHeaderEncodesBack() {
        // rt_link: ifinfomsg has a pad member and link-attrs a pad attribute (IFLA_PAD), which the kernel sends
        YnlSpec spec = KernelSpecs.spec("rt_link");
        YnlCodec codec = new YnlCodec(spec);
        YnlOperation getlink = spec.operation("getlink");
        int pad = spec.attributeSet("link-attrs").attribute("pad").orElseThrow().value();
        // ifinfomsg { AF_UNSPEC, pad, type 1, index 2, flags 0, change 0 }, IFLA_PAD with 4 bytes
        byte[] payload = hex("00 00 0100 02000000 00000000 00000000  0800 " + String.format("%02x00", pad) + " 01020304");
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        Map<String, Object> tree;
        try {
            tree = codec.decodeMessage(getlink, buf, 0, payload.length);
        } finally {
            buf.release();
        }
        assertEquals("bytes:01020304", canonical(tree.get("pad")));
        ByteBuf out = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(out, 16, 0, 0, 0);
            codec.encodeMessage(getlink, tree, w);
            w.end();
            assertEquals(HexFormat.of().formatHex(payload), HexFormat.of().formatHex(ByteBufUtil.getBytes(out, 16, out.writerIndex() - 16)));
        } finally {
            out.release();
        }
    }

    @Test
    void anAttributeThatCameTwiceEncodesTwiceWhateverItsType() {
        YnlCodec codec = new YnlCodec(KernelSpecs.spec("rt_addr"));
        // IFA_FLAGS (8, u32 flags) twice: permanent, then managetempaddr
        byte[] wire = hex("0800 0800 80000000  0800 0800 00010000");
        Map<String, Object> tree = decode(codec, "addr-attrs", wire);
        assertEquals(List.of("set:[permanent]", "set:[managetempaddr]"), canonical(tree.get("ifa-flags")));
        assertEquals(HexFormat.of().formatHex(wire), HexFormat.of().formatHex(encode(codec, "addr-attrs", tree)));
    }
}
