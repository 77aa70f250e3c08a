// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * decode(encode(x)) keeps what was sent, for every request type; and no input, however mangled,
 * makes a decoder throw anything but {@link NetlinkDecodeException}.
 */
class RouteCodecPropertyTest {

    static InetAddress address(byte[] raw) {
        try {
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Gen<InetAddress> addresses(boolean v6) {
        return integers().all().zip(longs().all(), longs().all(), (a, b, c) -> {
            if (!v6) {
                return address(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) (int) a});
            }
            byte[] r = new byte[16];
            for (int i = 0; i < 8; i++) {
                r[i] = (byte) (b >>> (8 * i));
                r[8 + i] = (byte) (c >>> (8 * i));
            }
            return address(r);
        });
    }

    /** Valid interface names: 1-15 printable ASCII characters without '/', ':' or space, not "." or "..". */
    static final Gen<String> NAMES = strings().betweenCodePoints('!', '~').ofLengthBetween(1, RtnetlinkLayout.MAX_IFNAME_LENGTH)
            .map(s -> s.replace('/', '_').replace(':', '_')).map(s -> s.equals(".") || s.equals("..") ? "dot" : s);

    static final Gen<AddressSpec> ADDRESS_SPECS = arbitrary().pick(false, true).flatMap(v6 -> addresses(v6)
            .zip(integers().between(0, v6 ? 128 : 32), addresses(v6), integers().between(0, 7), (a, prefix, other, options) -> {
                AddressSpec.Builder b = AddressSpec.builder(a, prefix);
                if ((options & 1) != 0) {
                    b.peer(other);
                }
                if (!v6 && (options & 2) != 0) {
                    b.broadcast(other).label("eth0:" + (prefix % 10)).scope(AddressScope.of(options * 30));
                }
                if ((options & 4) != 0) {
                    b.flags(AddressFlags.NODAD | AddressFlags.NOPREFIXROUTE);
                }
                return b.build();
            }));

    static <T> T decode(byte[] message, Function<MessageReader, T> decoder) {
        MessageReader reader = MessageReader.of(Unpooled.wrappedBuffer(message), 0, message.length);
        reader.next();
        return decoder.apply(reader);
    }

    @Test
    void addressRequestsDecodeToWhatWasSent() {
        qt().forAll(ADDRESS_SPECS, integers().between(1, Integer.MAX_VALUE)).checkAssert((spec, index) -> {
            Address a = decode(RouteCodecTest.message(Rtnetlink.RTM_NEWADDR,
                    RouteCodecTest.encode(w -> RouteCodec.writeAddressAdd(w, index, spec))), RouteCodec::decodeAddress);
            assertEquals(spec.addressFamily(), a.addressFamily());
            assertEquals(Optional.of(spec.address()), a.address());
            assertEquals(spec.prefixLength(), a.prefixLength());
            assertEquals(spec.peer().filter(p -> !p.equals(spec.address())), a.peer());
            assertEquals(spec.broadcast(), a.broadcast());
            assertEquals(spec.label(), a.label());
            assertEquals(spec.scope().orElse(AddressScope.UNIVERSE), a.scope());
            assertEquals(spec.flags(), a.flags());
            assertEquals(index, a.linkIndex());
        });
    }

    /** Six bytes of a long, or null when it is negative. */
    static HardwareAddress mac(long bits) {
        if (bits < 0) {
            return null;
        }
        byte[] raw = new byte[6];
        for (int i = 0; i < 6; i++) {
            raw[i] = (byte) (bits >>> (8 * i));
        }
        return HardwareAddress.of(raw);
    }

    static final Gen<LinkSpec> VETH_SPECS = NAMES.zip(NAMES, integers().between(0, 65535), (name, peer, mtu) ->
                    mtu == 0 ? LinkSpec.builder().name(name).kind(LinkKind.VETH).peerName(peer)
                            : LinkSpec.builder().name(name).kind(LinkKind.VETH).peerName(peer).mtu(mtu))
            .zip(arbitrary().pick(false, true), longs().all(), (b, up, mac) -> {
                HardwareAddress address = mac(mac);
                return (address == null ? b : b.address(address)).up(up).build();
            });

    @Test
    void linkRequestsDecodeToWhatWasSent() {
        qt().forAll(VETH_SPECS, integers().between(1, Integer.MAX_VALUE)).checkAssert((spec, index) -> {
            Link link = decode(RouteCodecTest.message(Rtnetlink.RTM_NEWLINK,
                    RouteCodecTest.encode(w -> RouteCodec.writeLinkSpec(w, spec))), RouteCodec::decodeLink);
            assertEquals(spec.name(), link.name());
            assertEquals(spec.mtu().orElse(0), link.mtu());
            assertEquals(spec.isUp(), link.isUp());
            assertEquals(spec.address(), link.address());
            assertEquals(Optional.of(LinkKind.VETH), link.kind());
            Link peer = decode(RouteCodecTest.message(Rtnetlink.RTM_NEWLINK, link.info().orElseThrow().data().get(0).value()),
                    RouteCodec::decodeLink);
            assertEquals(spec.peerName().orElseThrow(), peer.name());

            LinkChange change = LinkChange.builder(index).name(spec.name()).mtu(spec.mtu().orElse(1)).up(!spec.isUp()).build();
            Link changed = decode(RouteCodecTest.message(Rtnetlink.RTM_NEWLINK,
                    RouteCodecTest.encode(w -> RouteCodec.writeLinkChange(w, index, change))), RouteCodec::decodeLink);
            assertEquals(index, changed.index());
            assertEquals(spec.name(), changed.name());
            assertEquals(spec.mtu().orElse(1), changed.mtu());
            assertEquals(!spec.isUp(), changed.isUp());
        });
    }

    /** Runs every decoder on {@code message}: each may succeed or throw NetlinkDecodeException, nothing else. */
    static void decodeAll(byte[] message) {
        for (Function<MessageReader, ?> decoder : List.<Function<MessageReader, ?>>of(
                RouteCodec::decodeLink, RouteCodec::decodeAddress, RouteCodec::decodeEvent)) {
            try {
                decode(message, decoder);
            } catch (NetlinkDecodeException expected) {
                // the only failure allowed
            } catch (RuntimeException e) {
                fail("decoder threw " + e + " for " + HexFormat.of().formatHex(message), e);
            }
        }
    }

    @Test
    void mangledKernelMessagesOnlyEverFailToDecode() throws IOException {
        List<byte[]> seeds = new ArrayList<>(RouteCodecTest.golden("veth0-link.hex"));
        seeds.addAll(RouteCodecTest.golden("veth0-addresses.hex"));
        Random random = new Random(20240611);
        for (byte[] seed : seeds) {
            for (int cut = Netlink.HEADER_SIZE; cut <= seed.length; cut++) {
                byte[] truncated = Arrays.copyOf(seed, cut);
                ByteBuffer.wrap(truncated).order(NetlinkBytes.HOST).putInt(0, cut);
                decodeAll(truncated);
            }
            for (int round = 0; round < 5000; round++) {
                byte[] m = seed.clone();
                int edits = 1 + random.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    int at = Netlink.HEADER_SIZE + random.nextInt(m.length - Netlink.HEADER_SIZE);
                    m[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : m[at] ^ (1 << random.nextInt(8)));
                }
                for (int type : new int[] {Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_NEWADDR}) {
                    ByteBuffer.wrap(m).order(NetlinkBytes.HOST).putShort(Netlink.TYPE_OFFSET, (short) type);
                    decodeAll(m);
                }
            }
        }
    }

    @Test
    void randomPayloadsOnlyEverFailToDecode() {
        Random random = new Random(7);
        for (int round = 0; round < 20000; round++) {
            byte[] payload = new byte[random.nextInt(96)];
            random.nextBytes(payload);
            int type = Rtnetlink.RTM_NEWLINK + random.nextInt(6);
            decodeAll(new NetlinkBytes().message(type, 0, 0, 0).bytes(payload).endMessage().toArray());
        }
    }
}
