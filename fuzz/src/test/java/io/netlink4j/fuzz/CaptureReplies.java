// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.fuzz;

import io.netlink4j.NetlinkException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.internal.GenlFamilyCodec;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.TunnelType;
import io.netlink4j.route.Rtnetlink;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records real kernel replies as the seed corpora of the fuzz targets. Run as root:
 *
 * <pre>
 * CaptureReplies host OUT   nlctrl family and policy dumps, extended-ACK errors (ethtool,
 *                           netdev, nlctrl, rtnetlink), capped and uncapped; rtnetlink link and
 *                           address dumps of a throwaway network namespace
 * CaptureReplies ipvs OUT   inside scripts/kernel-vm: creates IPVS state of every kind and
 *                           records the replies to every IPVS GET command and to failing requests
 * </pre>
 *
 * Every datagram is saved as received, under OUT in the layout Jazzer reads corpora from
 * ({@code <package>/<Class>Inputs/<method>/<name>}), for each target it suits; the attribute
 * regions of the replies and their statistics nests are cut out for the targets that take those.
 * Requests are encoded here with {@link MessageWriter} and sent on a bare {@link NetlinkSocket},
 * so what is recorded is exactly what the kernel sent.
 */
public final class CaptureReplies {
    private static final String CODEC = "io/netlink4j/codec/";
    private static final String GENL = "io/netlink4j/genl/GenlFuzzTestInputs/";
    private static final String IPVS = "io/netlink4j/ipvs/IpvsDecodeFuzzTestInputs/";

    private static final int MAX_CUTS_PER_DATAGRAM = 4;

    private final Path out;
    private int saved;

    private CaptureReplies(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("host") || args[0].equals("ipvs"))) {
            System.err.println("usage: CaptureReplies host|ipvs OUT_DIR");
            System.exit(2);
        }
        CaptureReplies capture = new CaptureReplies(Path.of(args[1]));
        if (args[0].equals("host")) {
            capture.host();
        } else {
            capture.ipvs();
        }
        System.out.println("captured " + capture.saved + " files into " + args[1]);
    }

    // Host: generic netlink families that every kernel has.

    private void host() {
        try (Exchange capped = new Exchange(true); Exchange uncapped = new Exchange(false)) {
            save("nlctrl-family-dump", capped.dump(Genl.GENL_ID_CTRL, w -> Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1)),
                    GENL + "family");
            for (String name : List.of("nlctrl", "ethtool", "netdev")) {
                save("nlctrl-policy-" + name, capped.dump(Genl.GENL_ID_CTRL, w -> {
                    Genl.writeHeader(w, Genl.CTRL_CMD_GETPOLICY, 1);
                    w.string(Genl.CTRL_ATTR_FAMILY_NAME, name);
                }), GENL + "policy");
            }
            for (Exchange x : List.of(capped, uncapped)) {
                String variant = x.capAck ? "capped" : "uncapped";
                save("nlctrl-getfamily-missing-" + variant, x.execute(Genl.GENL_ID_CTRL, w -> {
                    Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1);
                    w.string(Genl.CTRL_ATTR_FAMILY_NAME, "nl4j-missing");
                }), CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
                int ethtool = x.familyId("ethtool");
                // ETHTOOL_MSG_LINKINFO_GET (2), ETHTOOL_A_LINKINFO_HEADER (1) { ETHTOOL_A_HEADER_* }.
                save("ethtool-bad-devname-" + variant, x.execute(ethtool, w -> {
                    Genl.writeHeader(w, 2, 1);
                    w.beginNested(1).string(2, "nl4j-nosuchdev").endNested();
                }), CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
                save("ethtool-policy-violation-" + variant, x.execute(ethtool, w -> {
                    Genl.writeHeader(w, 2, 1);
                    w.beginNested(1).u16(1, 1).endNested();
                }), CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
                save("ethtool-reserved-flag-" + variant, x.execute(ethtool, w -> {
                    Genl.writeHeader(w, 2, 1);
                    w.beginNested(1).u32(1, 1).u32(3, 0x80000000).endNested();
                }), CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
                // NETDEV_CMD_DEV_GET (1) without NETDEV_A_DEV_IFINDEX: "missing attribute" (NLMSGERR_ATTR_MISS_TYPE).
                save("netdev-missing-attribute-" + variant, x.execute(x.familyId("netdev"), w -> Genl.writeHeader(w, 1, 1)),
                        CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
            }
            route();
            // A dump that fails after its start: NLMSG_DONE carries the errno and the extended ACK.
            save("ethtool-dump-bad-header", capped.dump(capped.familyId("ethtool"), w -> {
                Genl.writeHeader(w, 2, 1);
                w.beginNested(1).u32(3, 0x80000000).endNested();
            }), CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
        }
    }

    /** rtnetlink links and addresses of several kinds, in a throwaway network namespace. */
    private void route() {
        String ns = "nl4j-capture";
        run("ip", "netns", "add", ns);
        try {
            String[][] setup = {
                {"link", "set", "lo", "up"},
                {"link", "add", "v0", "type", "veth", "peer", "name", "v1"},
                {"link", "set", "v0", "alias", "netlink4j capture"},
                {"link", "property", "add", "dev", "v0", "altname", "nl4j-alternative-name-of-v0"},
                {"link", "add", "br0", "type", "bridge"},
                {"link", "set", "v1", "master", "br0"},
                {"link", "add", "mv0", "link", "v0", "type", "macvlan", "mode", "bridge"},
                {"link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "local", "10.9.0.1"},
                {"addr", "add", "10.9.0.1/24", "brd", "+", "label", "v0:cap", "dev", "v0"},
                {"addr", "add", "10.9.1.1", "peer", "10.9.1.2/32", "dev", "v0"},
                {"addr", "add", "2001:db8:9::1/64", "dev", "v0", "nodad", "valid_lft", "3600", "preferred_lft", "1800"},
                {"addr", "add", "10.9.2.1/24", "dev", "br0"},
                {"link", "set", "v0", "up"},
                {"link", "set", "v1", "up"},
                {"link", "set", "br0", "up"},
            };
            for (String[] args : setup) {
                String[] cmd = new String[args.length + 3];
                cmd[0] = "ip";
                cmd[1] = "-n";
                cmd[2] = ns;
                System.arraycopy(args, 0, cmd, 3, args.length);
                attemptCommand(cmd);
            }
            String target = "io/netlink4j/route/RouteDecodeFuzzTestInputs/replies";
            try (Exchange x = new Exchange(NetlinkProtocol.ROUTE, Path.of("/var/run/netns", ns), true)) {
                // struct ifinfomsg (16 bytes) / ifaddrmsg (8 bytes) of the requested family, all else zero.
                save("rtnl-link-dump", x.dump(Rtnetlink.RTM_GETLINK, w -> w.rawU32(0).rawU32(0).rawU32(0).rawU32(0)), target);
                save("rtnl-link-dump-bridge", x.dump(Rtnetlink.RTM_GETLINK, w -> w.rawU8(7).rawU8(0).rawU16(0).rawU32(0).rawU32(0)
                        .rawU32(0)), target);
                save("rtnl-addr-dump", x.dump(Rtnetlink.RTM_GETADDR, w -> w.rawU32(0).rawU32(0)), target);
                save("rtnl-link-missing", x.execute(Rtnetlink.RTM_GETLINK, w -> {
                    w.rawU32(0).rawU32(0).rawU32(0).rawU32(0);
                    w.string(Rtnetlink.IFLA_IFNAME, "nl4j-nosuchdev");
                }), CODEC + "ControlMessageFuzzTestInputs/errorAndDone");
            }
        } finally {
            attemptCommand("ip", "netns", "del", ns);
        }
    }

    // IPVS, in the test VM.

    private void ipvs() throws Exception {
        run("ip", "link", "set", "lo", "up");
        run("ip", "link", "add", "lb0", "type", "dummy");
        run("ip", "link", "set", "lb0", "multicast", "on");
        run("ip", "addr", "add", "10.1.1.1/24", "dev", "lb0");
        run("ip", "addr", "add", "10.0.0.254/24", "dev", "lb0");
        run("ip", "addr", "add", "2001:db8:1::1/64", "dev", "lb0", "nodad");
        run("ip", "link", "set", "lb0", "up");

        List<Service> services = new ArrayList<>();
        try (IpvsHandle ipvs = IpvsHandle.open()) {
            Service web = add(ipvs, services, Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80)
                    .scheduler(Scheduler.WLC));
            Service dns = add(ipvs, services, Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.2")).port(53)
                    .scheduler(Scheduler.RR).flags(ServiceFlags.ONEPACKET));
            Service sctp = add(ipvs, services, Service.builder().protocol(Protocol.SCTP).address(ip("10.0.0.3")).port(5000)
                    .scheduler(Scheduler.SH).flags(ServiceFlags.SCHED1 | ServiceFlags.SCHED2));
            Service v6 = add(ipvs, services, Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(443)
                    .scheduler(Scheduler.MH).persistent(300).netmask(Netmask.ofPrefix(AddressFamily.INET6, 64)));
            Service fwm = add(ipvs, services, Service.builder().fwMark(7).addressFamily(AddressFamily.INET)
                    .scheduler(Scheduler.LC).persistent(600).netmask(Netmask.ofPrefix(24)));
            Service fwm6 = add(ipvs, services, Service.builder().fwMark(0xFFFFFFF0L).addressFamily(AddressFamily.INET6)
                    .scheduler(Scheduler.WRR).persistent(60).netmask(Netmask.ofPrefix(AddressFamily.INET6, 48)));
            Service sip = add(ipvs, services, Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.5")).port(5060)
                    .scheduler(Scheduler.RR).persistent(120).persistenceEngine(PersistenceEngine.SIP));
            add(ipvs, services, Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.6")).port(0)
                    .scheduler(Scheduler.SED).persistent(3600).netmask(Netmask.ofPrefix(16)));

            dest(ipvs, web, Destination.builder().address(ip("10.1.1.2")).port(8080).weight(10)
                    .upperThreshold(100).lowerThreshold(10));
            dest(ipvs, web, Destination.builder().address(ip("10.1.1.3")).port(80).weight(0)
                    .forwardingMethod(ForwardingMethod.DIRECT_ROUTE));
            dest(ipvs, web, Destination.builder().address(ip("10.1.1.4")).port(80).weight(5)
                    .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.IPIP));
            dest(ipvs, web, Destination.builder().address(ip("10.1.1.5")).port(80).weight(Integer.MAX_VALUE)
                    .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080)
                    .tunnelFlags(TunnelFlags.CSUM));
            dest(ipvs, web, Destination.builder().address(ip("10.1.1.6")).port(80)
                    .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6081)
                    .tunnelFlags(TunnelFlags.REMCSUM));
            dest(ipvs, web, Destination.builder().address(ip("10.1.1.7")).port(80)
                    .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GRE).tunnelFlags(TunnelFlags.CSUM));
            dest(ipvs, dns, Destination.builder().address(ip("10.1.1.8")).port(53).weight(3));
            dest(ipvs, dns, Destination.builder().address(ip("10.1.1.9")).port(5353).upperThreshold(0xFFFFFFFFL)
                    .lowerThreshold(0xFFFFFFFEL));
            dest(ipvs, sctp, Destination.builder().address(ip("10.1.1.10")).port(5000)
                    .forwardingMethod(ForwardingMethod.DIRECT_ROUTE));
            dest(ipvs, v6, Destination.builder().address(ip("2001:db8:1::2")).port(8443).weight(7));
            dest(ipvs, v6, Destination.builder().address(ip("2001:db8:1::3")).port(443)
                    .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(5555));
            dest(ipvs, v6, Destination.builder().address(ip("2001:db8:1::4")).port(443)
                    .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GRE));
            dest(ipvs, fwm, Destination.builder().address(ip("10.1.1.11")).port(0)
                    .forwardingMethod(ForwardingMethod.DIRECT_ROUTE));
            dest(ipvs, fwm6, Destination.builder().address(ip("2001:db8:1::5")).port(0)
                    .forwardingMethod(ForwardingMethod.DIRECT_ROUTE));
            dest(ipvs, sip, Destination.builder().address(ip("10.1.1.12")).port(5060));

            attempt("sync daemons", () -> {
                ipvs.newDaemon(DaemonConfig.builder().state(DaemonConfig.State.MASTER).multicastInterface("lb0").syncId(9)
                        .syncMaxLength(1400).multicastGroup(ip("239.1.2.3")).multicastPort(8849).multicastTtl(2).build());
                ipvs.newDaemon(DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("lb0").syncId(9)
                        .build());
            });
            ipvs.setConfig(Config.builder().timeoutTcp(Duration.ofSeconds(900)).timeoutTcpFin(Duration.ofSeconds(120))
                    .timeoutUdp(Duration.ofSeconds(300)).build());
            traffic();
        }

        try (Exchange capped = new Exchange(true); Exchange uncapped = new Exchange(false)) {
            int id = capped.familyId("IPVS");
            save("nlctrl-getfamily-ipvs", capped.lastReply, GENL + "family");
            save("nlctrl-family-dump-vm", capped.dump(Genl.GENL_ID_CTRL, w -> Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1)),
                    GENL + "family");
            save("nlctrl-policy-ipvs", capped.dump(Genl.GENL_ID_CTRL, w -> {
                Genl.writeHeader(w, Genl.CTRL_CMD_GETPOLICY, 1);
                w.string(Genl.CTRL_ATTR_FAMILY_NAME, Ipvs.FAMILY_NAME);
            }), GENL + "policy");

            save("ipvs-service-dump", capped.dump(id, w -> Genl.writeHeader(w, Ipvs.CMD_GET_SERVICE, 1)), IPVS + "service");
            for (int i = 0; i < services.size(); i++) {
                Service s = services.get(i);
                save("ipvs-service-get-" + i, capped.execute(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_GET_SERVICE, 1);
                    IpvsCodec.writeServiceIdentity(w, s);
                }), IPVS + "service");
                List<byte[]> dests = capped.dump(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_GET_DEST, 1);
                    IpvsCodec.writeServiceIdentity(w, s);
                });
                save("ipvs-dest-dump-" + i, dests, IPVS + "destination");
            }
            save("ipvs-daemon-dump", capped.dump(id, w -> Genl.writeHeader(w, Ipvs.CMD_GET_DAEMON, 1)), IPVS + "daemon");
            save("ipvs-config-get", capped.execute(id, w -> Genl.writeHeader(w, Ipvs.CMD_GET_CONFIG, 1)), IPVS + "config");
            save("ipvs-info-get", capped.execute(id, w -> Genl.writeHeader(w, Ipvs.CMD_GET_INFO, 1)), IPVS + "info");

            Service web = services.get(0);
            Service missing = web.toBuilder().port(81).build();
            for (Exchange x : List.of(capped, uncapped)) {
                String variant = x.capAck ? "capped" : "uncapped";
                String control = CODEC + "ControlMessageFuzzTestInputs/errorAndDone";
                save("ipvs-service-exists-" + variant, x.execute(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_NEW_SERVICE, 1);
                    IpvsCodec.writeService(w, web);
                }), control);
                save("ipvs-service-missing-" + variant, x.execute(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_GET_SERVICE, 1);
                    IpvsCodec.writeServiceIdentity(w, missing);
                }), control);
                save("ipvs-dest-missing-" + variant, x.execute(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_DEL_DEST, 1);
                    IpvsCodec.writeServiceIdentity(w, web);
                    IpvsCodec.writeDestinationIdentity(w, Destination.builder().address(ip("10.1.1.99")).port(1).build());
                }), control);
                save("ipvs-unknown-scheduler-" + variant, x.execute(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_NEW_SERVICE, 1);
                    IpvsCodec.writeService(w, missing.toBuilder().scheduler(Scheduler.of("nl4j-none")).build());
                }), control);
                save("ipvs-no-service-attribute-" + variant, x.execute(id, w -> Genl.writeHeader(w, Ipvs.CMD_NEW_SERVICE, 1)),
                        control);
                // IPVS_SVC_ATTR_AF as a u32 where the policy says u16: rejected by policy validation.
                save("ipvs-policy-violation-" + variant, x.execute(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_GET_SERVICE, 1);
                    w.beginNested(Ipvs.CMD_ATTR_SERVICE).u32(Ipvs.SVC_ATTR_AF, 2).endNested();
                }), control);
                save("ipvs-dest-dump-missing-service-" + variant, x.dump(id, w -> {
                    Genl.writeHeader(w, Ipvs.CMD_GET_DEST, 1);
                    IpvsCodec.writeServiceIdentity(w, missing);
                }), control);
            }
        }
    }

    private static Service add(IpvsHandle ipvs, List<Service> services, Service.Builder b) {
        Service s = b.build();
        attempt("service " + s, () -> {
            ipvs.newService(s);
            services.add(s);
        });
        return s;
    }

    private static void dest(IpvsHandle ipvs, Service s, Destination.Builder b) {
        Destination d = b.build();
        attempt("destination " + d + " of " + s, () -> ipvs.newDestination(s, d));
    }

    /** Some connection attempts through the services, so their counters are not all zero. */
    private static void traffic() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(ip("10.0.0.1"), 80), 100);
            } catch (IOException expected) {
                // Nothing listens behind the service: only the counters matter.
            }
            try (DatagramSocket u = new DatagramSocket()) {
                byte[] payload = "nl4j".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                u.send(new DatagramPacket(payload, payload.length, ip("10.0.0.2"), 53));
            } catch (IOException e) {
                System.err.println("udp traffic: " + e);
            }
        }
        Thread.sleep(4000); // the rate estimator runs every 2 s
    }

    private static void attempt(String what, Runnable action) {
        try {
            action.run();
        } catch (NetlinkException | IllegalArgumentException e) {
            System.err.println("skipped " + what + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
        }
    }

    // Output.

    /** Saves each datagram for the datagram target and {@code target}, and cuts out attribute regions. */
    private void save(String name, List<byte[]> datagrams, String target) {
        for (int i = 0; i < datagrams.size(); i++) {
            byte[] d = datagrams.get(i);
            String file = datagrams.size() == 1 ? name : name + "-" + i;
            write(CODEC + "DatagramFuzzTestInputs/datagram", file, d);
            if (target != null) {
                write(target, file, d);
            }
            if (containsControl(d)) {
                write(CODEC + "ControlMessageFuzzTestInputs/errorAndDone", file, d);
            }
            cutAttributes(file, d, target != null && (target.endsWith("/service") || target.endsWith("/destination")));
        }
    }

    private void cutAttributes(String file, byte[] datagram, boolean stats) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(datagram.length);
        try {
            buf.writeBytes(datagram);
            MessageReader msg = MessageReader.of(buf, 0, datagram.length);
            int n = 0;
            // A few messages per datagram are plenty: dumps repeat one shape many times.
            while (msg.next() && n < MAX_CUTS_PER_DATAGRAM) {
                if (msg.type() < Netlink.NLMSG_MIN_TYPE || msg.payloadLength() <= Genl.HEADER_SIZE) {
                    continue;
                }
                int start = msg.payloadOffset() + Genl.HEADER_SIZE;
                write(CODEC + "AttributeFuzzTestInputs/attributes", file + "-msg" + n, slice(datagram, start, msg.payloadEnd()));
                if (stats) {
                    cutStats(file + "-msg" + n, datagram, AttributeReader.of(buf, start, msg.payloadEnd()));
                }
                n++;
            }
        } finally {
            buf.release();
        }
    }

    /** IPVS statistics nests: inside CMD_ATTR_SERVICE / CMD_ATTR_DEST, types STATS (10) and STATS64 (12). */
    private void cutStats(String file, byte[] datagram, AttributeReader top) {
        while (top.next()) {
            if (top.type() != Ipvs.CMD_ATTR_SERVICE && top.type() != Ipvs.CMD_ATTR_DEST) {
                continue;
            }
            AttributeReader inner = top.nested();
            while (inner.next()) {
                if (inner.type() == Ipvs.SVC_ATTR_STATS || inner.type() == Ipvs.SVC_ATTR_STATS64) {
                    write(IPVS + "stats", file + "-stats" + inner.type(),
                            slice(datagram, inner.payloadOffset(), inner.payloadOffset() + inner.payloadLength()));
                }
            }
        }
    }

    private static boolean containsControl(byte[] datagram) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(datagram.length);
        try {
            buf.writeBytes(datagram);
            MessageReader msg = MessageReader.of(buf, 0, datagram.length);
            while (msg.next()) {
                if (msg.type() == Netlink.NLMSG_ERROR || msg.type() == Netlink.NLMSG_DONE) {
                    return true;
                }
            }
            return false;
        } finally {
            buf.release();
        }
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }

    private void write(String dir, String name, byte[] data) {
        try {
            Path d = out.resolve(dir);
            Files.createDirectories(d);
            Files.write(d.resolve(name), data);
            saved++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
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

    private static void attemptCommand(String... command) {
        try {
            run(command);
        } catch (IllegalStateException e) {
            System.err.println("skipped: " + e.getMessage());
        }
    }

    /**
     * Requests on a bare generic netlink socket with extended ACKs, recording every datagram
     * up to the request's ACK, error or NLMSG_DONE.
     */
    private static final class Exchange implements AutoCloseable {
        final boolean capAck;
        final NetlinkSocket socket;
        final ByteBuf tx = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        final ByteBuf rx = PooledByteBufAllocator.DEFAULT.directBuffer(65536, 65536);
        List<byte[]> lastReply;
        int seq;

        Exchange(boolean capAck) {
            this(NetlinkProtocol.GENERIC, null, capAck);
        }

        Exchange(int protocol, Path netns, boolean capAck) {
            this.capAck = capAck;
            this.socket = NetlinkSocket.open(protocol, netns);
            socket.bind(0, 0);
            socket.setReceiveTimeout(Duration.ofSeconds(5));
            socket.setNetlinkFlag(NetlinkSocket.NETLINK_EXT_ACK, true);
            socket.setNetlinkFlag(NetlinkSocket.NETLINK_CAP_ACK, capAck);
        }

        int familyId(String name) {
            lastReply = execute(Genl.GENL_ID_CTRL, w -> {
                Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1);
                w.string(Genl.CTRL_ATTR_FAMILY_NAME, name);
            });
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer();
            try {
                buf.writeBytes(lastReply.get(0));
                MessageReader msg = MessageReader.of(buf, 0, buf.writerIndex());
                while (msg.next()) {
                    if (msg.type() == Genl.GENL_ID_CTRL) {
                        GenlFamily f = GenlFamilyCodec.decode(msg);
                        return f.id();
                    }
                }
            } finally {
                buf.release();
            }
            throw new IllegalStateException("no generic netlink family " + name);
        }

        List<byte[]> execute(int type, Consumer<MessageWriter> body) {
            return exchange(type, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, body);
        }

        List<byte[]> dump(int type, Consumer<MessageWriter> body) {
            return exchange(type, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_DUMP, body);
        }

        private List<byte[]> exchange(int type, int flags, Consumer<MessageWriter> body) {
            int s = ++seq;
            tx.clear();
            MessageWriter w = new MessageWriter().begin(tx, type, flags, s, socket.localPortId());
            body.accept(w);
            w.end();
            socket.send(tx, 0);
            List<byte[]> datagrams = Messages.receiveReply(socket, rx, s, true);
            byte[] d = datagrams.get(datagrams.size() - 1);
            System.out.println("  " + Netlink.typeName(type) + " flags 0x" + Integer.toHexString(flags) + ": "
                    + datagrams.size() + " datagram(s), last " + HexFormat.of().formatHex(d, 0, Math.min(d.length, 24)));
            return datagrams;
        }

        @Override
        public void close() {
            socket.close();
            tx.release();
            rx.release();
        }
    }
}
