// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.AddressFamily;
import io.netlink4j.bench.ynl.ipvs.CmdAttrs;
import io.netlink4j.bench.ynl.netdev.Dev;
import io.netlink4j.bench.ynl.nlctrl.CtrlAttrs;
import io.netlink4j.bench.ynl.rtaddr.AddrAttrsMessage;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.internal.GenlFamilyCodec;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netlink4j.route.RouteCodecAccess;
import io.netlink4j.ynl.YnlCodec;
import io.netlink4j.ynl.YnlOperation;
import io.netlink4j.ynl.YnlSchemas;
import io.netlink4j.ynl.YnlSpec;
import io.netty.buffer.ByteBuf;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decoding of captured dumps three ways: by the hand-written codecs (objects): rtnetlink
 * addresses ({@code RouteCodec}), nlctrl families ({@link GenlFamilyCodec}), IPVS services and
 * destinations ({@link IpvsCodec}); by the typed codecs generated from the specs by
 * netlink4j-ynl-maven-plugin ({@code *Generated}: a class per attribute set, generated into
 * {@code io.netlink4j.bench.ynl.*} by this module's build); and by spec at run time
 * ({@link YnlCodec}, trees of maps, {@code *Ynl}). netdev devices have no hand-written codec.
 * Each operation decodes a whole dump, every family message of it; divide by the message counts
 * the set-up prints for per-message figures.
 *
 * <p>The kernel's specs come from {@code -Dnetlink4j.ynl.specs=DIR} (default: the cache of
 * scripts/ynl-specs, {@code ~/.cache/netlink4j-ynl/current}), the IPVS spec from
 * {@code -Dnetlink4j.bench.ipvs.spec=FILE} (default {@code java/ynl/specs/ipvs.yaml}); without it
 * the {@code ipvs*Ynl} benchmarks fail in their set-up, saying so, and the others run.
 * Captures: {@code rt-addr-dump.bin}, {@code netdev-dev-dump.bin}, {@code nlctrl-family-dump.bin}
 * by {@link YnlDumpCapture} on the host; {@code ipvs-service-dump-1000.bin} by {@link DumpCapture}
 * and {@code ipvs-dest-dump.bin} by the fuzz module's {@code CaptureReplies}, in the test VM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class YnlCodecBenchmark {
    private final MessageReader reader = new MessageReader();
    private List<ByteBuf> rtAddr;
    private List<ByteBuf> nlctrl;
    private List<ByteBuf> netdev;
    private List<ByteBuf> ipvsServices;
    private List<ByteBuf> ipvsDestinations;
    private YnlCodec rtAddrCodec;
    private YnlOperation getaddr;
    private YnlCodec nlctrlCodec;
    private YnlOperation getfamily;
    private YnlCodec netdevCodec;
    private YnlOperation devGet;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        rtAddr = capture("rt-addr-dump.bin");
        nlctrl = capture("nlctrl-family-dump.bin");
        netdev = capture("netdev-dev-dump.bin");
        ipvsServices = capture("ipvs-service-dump-1000.bin");
        ipvsDestinations = capture("ipvs-dest-dump.bin");
        Path specs = kernelSpecs().resolve("specs");
        YnlSchemas schemas = YnlSchemas.load(kernelSpecs().resolve("schemas"));
        rtAddrCodec = new YnlCodec(YnlSpec.load(specs.resolve("rt_addr.yaml"), schemas));
        getaddr = rtAddrCodec.spec().operation("getaddr");
        nlctrlCodec = new YnlCodec(YnlSpec.load(specs.resolve("nlctrl.yaml"), schemas));
        getfamily = nlctrlCodec.spec().operation("getfamily");
        netdevCodec = new YnlCodec(YnlSpec.load(specs.resolve("netdev.yaml"), schemas));
        devGet = netdevCodec.spec().operation("dev-get");
        System.out.printf("%nmessages per dump: rt-addr %d, nlctrl %d, netdev %d, ipvs services %d, ipvs destinations %d%n",
                count(rtAddr), count(nlctrl), count(netdev), count(ipvsServices), count(ipvsDestinations));
    }

    /** The IPVS spec, written apart from the kernel's (none exists there). */
    @State(Scope.Thread)
    public static class IpvsSpec {
        YnlCodec codec;
        YnlOperation getService;
        YnlOperation getDestination;

        @Setup(Level.Trial)
        public void setUp() {
            Path file = Path.of(System.getProperty("netlink4j.bench.ipvs.spec", "java/ynl/specs/ipvs.yaml"));
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("skipped: no IPVS spec at " + file.toAbsolutePath()
                        + " (give one with -Dnetlink4j.bench.ipvs.spec=FILE)");
            }
            codec = new YnlCodec(YnlSpec.load(file, YnlSchemas.load(kernelSpecs().resolve("schemas"))));
            getService = operation(codec.spec(), Ipvs.CMD_GET_SERVICE);
            getDestination = operation(codec.spec(), Ipvs.CMD_GET_DEST);
        }

        private static YnlOperation operation(YnlSpec spec, int command) {
            return spec.operations().values().stream()
                    .filter(op -> op.requestValue().isPresent() && op.requestValue().getAsInt() == command)
                    .findFirst().orElseThrow(() -> new IllegalStateException(spec.file() + ": no operation with command "
                            + command + " (operations: " + spec.operations().keySet() + ")"));
        }
    }

    // rtnetlink addresses

    @Benchmark
    public void rtAddrHandWritten(Blackhole bh) {
        forEach(rtAddr, msg -> bh.consume(RouteCodecAccess.decodeAddress(msg)));
    }

    @Benchmark
    public void rtAddrGenerated(Blackhole bh) {
        forEach(rtAddr, msg -> bh.consume(AddrAttrsMessage.decode(msg.buffer(), msg.payloadOffset(), msg.payloadLength())));
    }

    @Benchmark
    public void rtAddrYnl(Blackhole bh) {
        forEach(rtAddr, msg -> bh.consume(rtAddrCodec.decodeMessage(getaddr, msg.buffer(), msg.payloadOffset(), msg.payloadLength())));
    }

    // nlctrl families

    @Benchmark
    public void nlctrlHandWritten(Blackhole bh) {
        forEach(nlctrl, msg -> bh.consume(GenlFamilyCodec.decode(msg)));
    }

    @Benchmark
    public void nlctrlGenerated(Blackhole bh) {
        forEach(nlctrl, msg -> bh.consume(CtrlAttrs.decode(genlAttributes(msg))));
    }

    @Benchmark
    public void nlctrlYnl(Blackhole bh) {
        forEach(nlctrl, msg -> bh.consume(genl(nlctrlCodec, getfamily, msg)));
    }

    // netdev devices: by spec only

    @Benchmark
    public void netdevGenerated(Blackhole bh) {
        forEach(netdev, msg -> bh.consume(Dev.decode(genlAttributes(msg))));
    }

    @Benchmark
    public void netdevYnl(Blackhole bh) {
        forEach(netdev, msg -> bh.consume(genl(netdevCodec, devGet, msg)));
    }

    // IPVS services and destinations

    @Benchmark
    public void ipvsServicesHandWritten(Blackhole bh) {
        forEach(ipvsServices, msg -> bh.consume(IpvsCodec.decodeService(msg)));
    }

    @Benchmark
    public void ipvsServicesGenerated(Blackhole bh) {
        forEach(ipvsServices, msg -> bh.consume(CmdAttrs.decode(genlAttributes(msg))));
    }

    @Benchmark
    public void ipvsServicesYnl(IpvsSpec ipvs, Blackhole bh) {
        forEach(ipvsServices, msg -> bh.consume(genl(ipvs.codec, ipvs.getService, msg)));
    }

    @Benchmark
    public void ipvsDestinationsHandWritten(Blackhole bh) {
        forEach(ipvsDestinations, msg -> bh.consume(IpvsCodec.decodeDestination(msg, AddressFamily.INET)));
    }

    @Benchmark
    public void ipvsDestinationsGenerated(Blackhole bh) {
        forEach(ipvsDestinations, msg -> bh.consume(CmdAttrs.decode(genlAttributes(msg))));
    }

    @Benchmark
    public void ipvsDestinationsYnl(IpvsSpec ipvs, Blackhole bh) {
        forEach(ipvsDestinations, msg -> bh.consume(genl(ipvs.codec, ipvs.getDestination, msg)));
    }

    private static Map<String, Object> genl(YnlCodec codec, YnlOperation op, MessageReader msg) {
        return codec.decodeMessage(op, msg.buffer(), msg.payloadOffset() + Genl.HEADER_SIZE, msg.payloadLength() - Genl.HEADER_SIZE);
    }

    /**
     * A generic netlink message's attributes, after its header, as the generated clients (and the
     * hand-written codecs) read them: a reader per message.
     */
    private static AttributeReader genlAttributes(MessageReader msg) {
        return Genl.attributes(msg, 0, new AttributeReader());
    }

    /** Every family message of the dump (not NLMSG_DONE). */
    private void forEach(List<ByteBuf> dump, Consumer<MessageReader> action) {
        for (ByteBuf datagram : dump) {
            reader.reset(datagram, 0, datagram.writerIndex());
            while (reader.next()) {
                if (reader.type() >= Netlink.NLMSG_MIN_TYPE) {
                    action.accept(reader);
                }
            }
        }
    }

    private int count(List<ByteBuf> dump) {
        int[] n = {0};
        forEach(dump, msg -> n[0]++);
        return n[0];
    }

    static Path kernelSpecs() {
        return Path.of(System.getProperty("netlink4j.ynl.specs",
                System.getProperty("user.home") + "/.cache/netlink4j-ynl/current"));
    }

    static List<ByteBuf> capture(String resource) throws IOException {
        try (InputStream in = YnlCodecBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing the captured dump resource " + resource));
            }
            return DumpCapture.load(in);
        }
    }
}
