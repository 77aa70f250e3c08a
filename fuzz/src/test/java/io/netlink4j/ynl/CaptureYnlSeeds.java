// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.fuzz.Messages;
import io.netlink4j.ynl.testsupport.YnlTrees;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the seed corpus of {@link YnlDecodeFuzzTest} (each seed: the target's selection header,
 * then the bytes). Run as root on a Linux host:
 *
 * <pre>
 * CaptureYnlSeeds OUT [DATAGRAMS]
 * </pre>
 *
 * <ul>
 *   <li>{@code <spec>-<op>-dump-N}: the datagrams of real dumps, requested with {@link YnlCodec} on
 *       a bare {@link NetlinkSocket} in a throwaway network namespace (a veth pair, a bridge, IPv4
 *       and IPv6 addresses): nlctrl getfamily, netdev dev-get, rt_addr getaddr, rt_link getlink;</li>
 *   <li>{@code corpus-<name>}: the rtnetlink and nlctrl replies of the datagram target's corpus
 *       (directory DATAGRAMS, recorded by {@code CaptureReplies} in a namespace with veth, bridge,
 *       macvlan and vxlan links), as messages of the operation they answer;</li>
 *   <li>{@code <spec>-set-<set>} and {@code <spec>-op-<op>}: for every attribute set of every spec,
 *       and every operation with a fixed header, the bytes of a tree made by the property test's
 *       generator.</li>
 * </ul>
 */
public final class CaptureYnlSeeds {
    private final Path out;
    private Path netns;
    private final List<List<YnlDecodeFuzzTest.Target>> targets = YnlDecodeFuzzTest.targets();
    private int saved;

    private CaptureYnlSeeds(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CaptureYnlSeeds OUT_DIR [DATAGRAM_CORPUS_DIR]");
            System.exit(2);
        }
        CaptureYnlSeeds seeds = new CaptureYnlSeeds(Path.of(args[0]));
        seeds.live();
        if (args.length == 2) {
            seeds.corpus(Path.of(args[1]));
        }
        seeds.generated();
        System.out.println("wrote " + seeds.saved + " seeds into " + args[0]);
    }

    /** Dumps in a throwaway network namespace: a veth pair, one end in a bridge, IPv4 and IPv6 addresses. */
    private void live() {
        String ns = "ynl-seeds-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        try {
            for (String cmd : List.of("link set lo up", "link add veth0 type veth peer name veth1",
                    "link add br0 type bridge", "link set veth1 master br0", "link set veth0 up", "link set veth1 up",
                    "link set br0 up", "addr add 192.0.2.1/24 brd + dev veth0 label veth0:a",
                    "addr add 2001:db8::1/64 dev veth0 noprefixroute", "addr add 198.51.100.1/24 dev br0")) {
                List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
                command.addAll(List.of(cmd.split(" ")));
                run(command.toArray(String[]::new));
            }
            netns = Path.of("/run/netns", ns);
            dump(specIndex("nlctrl"), "getfamily", Genl.GENL_ID_CTRL, Map.of());
            dump(specIndex("netdev"), "dev-get", familyId("netdev"), Map.of());
            dump(specIndex("rt-addr"), "getaddr", -1, Map.of("ifa-family", 0));
            dump(specIndex("rt-link"), "getlink", -1, Map.of("ifi-family", 0));
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The datagrams of a dump of {@code op}; {@code type} is the generic netlink family id, -1 for netlink-raw. */
    private void dump(int spec, String op, int type, Map<String, Object> request) {
        YnlDecodeFuzzTest.Target target = target(spec, op);
        List<byte[]> datagrams = exchange(target, type, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, request, true);
        for (int i = 0; i < datagrams.size(); i++) {
            save(target.spec().name() + "-" + op + "-dump-" + i, YnlDecodeFuzzTest.input(spec,
                    targets.get(spec).indexOf(target), true, datagrams.get(i)));
        }
    }

    private int familyId(String name) {
        int spec = specIndex("nlctrl");
        YnlDecodeFuzzTest.Target target = target(spec, "getfamily");
        List<byte[]> reply = exchange(target, Genl.GENL_ID_CTRL, Netlink.NLM_F_REQUEST, Map.of("family-name", name), false);
        ByteBuf buf = Unpooled.wrappedBuffer(reply.get(0));
        try {
            MessageReader msg = MessageReader.of(buf, 0, buf.writerIndex());
            while (msg.next()) {
                if (msg.type() == Genl.GENL_ID_CTRL) {
                    Map<String, Object> family = target.codec().decodeMessage(target.operation(), buf,
                            msg.payloadOffset() + Genl.HEADER_SIZE, msg.payloadLength() - Genl.HEADER_SIZE);
                    return ((Number) family.get("family-id")).intValue();
                }
            }
        } finally {
            buf.release();
        }
        throw new IllegalStateException("no generic netlink family " + name);
    }

    private List<byte[]> exchange(YnlDecodeFuzzTest.Target target, int familyId, int flags, Map<String, Object> request,
                                         boolean untilDone) {
        YnlOperation op = target.operation();
        int protocol = target.genl() ? NetlinkProtocol.GENERIC : target.spec().protonum().orElseThrow();
        ByteBuf tx = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        ByteBuf rx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 16, 1 << 16);
        try (NetlinkSocket socket = NetlinkSocket.open(protocol, netns)) {
            socket.bind(0, 0);
            socket.setReceiveTimeout(Duration.ofSeconds(5));
            int type = target.genl() ? familyId : op.requestValue().orElseThrow();
            MessageWriter w = new MessageWriter().begin(tx, type, flags, 1, 0);
            if (target.genl()) {
                Genl.writeHeader(w, op.requestValue().orElseThrow(), 1);
            }
            target.codec().encodeMessage(op, request, w);
            w.end();
            socket.send(tx, 0);
            List<byte[]> datagrams = Messages.receiveReply(socket, rx, 1, untilDone);
            System.out.println("  " + target + ": " + datagrams.size() + " datagram(s)");
            return datagrams;
        } finally {
            tx.release();
            rx.release();
        }
    }

    /** Replies recorded for the datagram target, as messages of the operations they answer. */
    private void corpus(Path dir) throws IOException {
        Map<String, String[]> byPrefix = Map.of(
                "nlctrl-family-dump", new String[] {"nlctrl", "getfamily"},
                "nlctrl-getfamily-ipvs", new String[] {"nlctrl", "getfamily"},
                "nlctrl-policy", new String[] {"nlctrl", "getpolicy"},
                "rtnl-addr-dump", new String[] {"rt-addr", "getaddr"},
                "rtnl-link-dump", new String[] {"rt-link", "getlink"});
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                for (Map.Entry<String, String[]> e : byPrefix.entrySet()) {
                    if (name.startsWith(e.getKey())) {
                        int spec = specIndex(e.getValue()[0]);
                        YnlDecodeFuzzTest.Target target = target(spec, e.getValue()[1]);
                        save("corpus-" + name, YnlDecodeFuzzTest.input(spec, targets.get(spec).indexOf(target), true,
                                Files.readAllBytes(file)));
                    }
                }
            }
        }
    }

    /** A generated tree for every attribute set, and every operation with a fixed header. */
    private void generated() {
        for (int spec = 0; spec < targets.size(); spec++) {
            List<YnlDecodeFuzzTest.Target> ofSpec = targets.get(spec);
            for (int i = 0; i < ofSpec.size(); i++) {
                YnlDecodeFuzzTest.Target t = ofSpec.get(i);
                YnlSpec s = t.spec();
                YnlTrees.Generator generator = new YnlTrees.Generator(s, new Random(31L * spec + i));
                Map<String, Object> tree;
                String name;
                if (t.set() != null) {
                    tree = generator.attributes(t.set(), 0);
                    name = s.name() + "-set-" + t.set().name();
                } else if (t.operation().fixedHeader().isPresent()) {
                    tree = new java.util.LinkedHashMap<>(generator.struct(s.struct(t.operation().fixedHeader().get())));
                    if (t.operation().attributeSet().isPresent()) {
                        tree.putAll(generator.attributes(s.attributeSet(t.operation().attributeSet().get()), 0));
                    }
                    name = s.name() + "-op-" + t.operation().name();
                } else {
                    continue;
                }
                save(name, YnlDecodeFuzzTest.input(spec, i, false, t.encode(tree)));
            }
        }
    }

    private int specIndex(String name) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).get(0).spec().name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no spec " + name);
    }

    private YnlDecodeFuzzTest.Target target(int spec, String op) {
        return targets.get(spec).stream().filter(t -> t.operation() != null && t.operation().name().equals(op))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no operation " + op));
    }

    private void save(String name, byte[] data) {
        try {
            Files.createDirectories(out);
            Files.write(out.resolve(name), data);
            saved++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
