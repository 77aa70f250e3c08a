// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Service;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The codecs on their own: request encoding into a reused buffer, reply decoding, attribute
 * iteration, parsing a real 1,000-service dump captured from the kernel, and sorting its
 * services into the order {@code IpvsHandle.getServices()} returns. Run with
 * {@code java -jar java/bench/target/benchmarks.jar -prof gc} for bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    static final int FAMILY = 0x20;

    private final MessageWriter writer = new MessageWriter();
    private final MessageReader reader = new MessageReader();
    private final AttributeReader attrs = new AttributeReader();
    private final AttributeReader inner = new AttributeReader();
    private ByteBuf out;
    private ByteBuf serviceReply;
    private ByteBuf destinationReply;
    private List<ByteBuf> dump;
    private Service service;
    private Destination destination;
    /** The captured dump's services in the kernel's order (its hash table's). */
    private List<Service> dumped;
    private int seq;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        service = Service.builder().protocol(Protocol.TCP).address(InetAddress.getByName("10.0.0.1")).port(80)
                .scheduler(Scheduler.WRR).persistent(300).netmask(Netmask.ofPrefix(24)).build();
        destination = Destination.builder().address(InetAddress.getByName("10.1.1.2")).port(8080).weight(10)
                .forwardingMethod(ForwardingMethod.MASQUERADE).upperThreshold(100).lowerThreshold(10).build();
        out = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        try (InputStream in = CodecBenchmark.class.getResourceAsStream("ipvs-service-dump-1000.bin")) {
            if (in == null) {
                throw new IllegalStateException("missing the captured dump resource ipvs-service-dump-1000.bin");
            }
            dump = DumpCapture.load(in);
        }
        dumped = new java.util.ArrayList<>();
        for (ByteBuf datagram : dump) {
            reader.reset(datagram, 0, datagram.writerIndex());
            while (reader.next()) {
                if (reader.type() >= Netlink.NLMSG_MIN_TYPE) {
                    dumped.add(IpvsCodec.decodeService(reader));
                }
            }
        }
        // A real service reply (the first of the captured dump) and a destination reply in the kernel's layout.
        serviceReply = dump.get(0);
        destinationReply = PooledByteBufAllocator.DEFAULT.directBuffer(512);
        MessageWriter w = new MessageWriter().begin(destinationReply, FAMILY, Netlink.NLM_F_MULTI, 1, 1);
        Genl.writeHeader(w, Ipvs.CMD_NEW_DEST, 1);
        IpvsCodec.writeDestination(w, destination);
        w.end();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        destinationReply.release();
    }

    @Benchmark
    public int encodeNewService() {
        out.clear();
        writer.begin(out, FAMILY, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, ++seq, 0);
        Genl.writeHeader(writer, Ipvs.CMD_NEW_SERVICE, Ipvs.GENL_VERSION);
        IpvsCodec.writeService(writer, service);
        return writer.end();
    }

    @Benchmark
    public int encodeNewDestination() {
        out.clear();
        writer.begin(out, FAMILY, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, ++seq, 0);
        Genl.writeHeader(writer, Ipvs.CMD_NEW_DEST, Ipvs.GENL_VERSION);
        IpvsCodec.writeServiceIdentity(writer, service);
        IpvsCodec.writeDestination(writer, destination);
        return writer.end();
    }

    @Benchmark
    public Service decodeService() {
        reader.reset(serviceReply, 0, serviceReply.writerIndex());
        reader.next();
        return IpvsCodec.decodeService(reader);
    }

    @Benchmark
    public Destination decodeDestination() {
        reader.reset(destinationReply, 0, destinationReply.writerIndex());
        reader.next();
        return IpvsCodec.decodeDestination(reader, AddressFamily.INET);
    }

    /** Walks every attribute of a service reply, nests included, without decoding values. */
    @Benchmark
    public int iterateAttributes() {
        reader.reset(serviceReply, 0, serviceReply.writerIndex());
        reader.next();
        int n = 0;
        Genl.attributes(reader, 0, attrs);
        while (attrs.next()) {
            n++;
            attrs.nested(inner);
            while (inner.next()) {
                n += inner.type();
            }
        }
        return n;
    }

    /** Decodes all 1,000 services of a captured dump into objects. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void parseDump1000(Blackhole bh) {
        for (ByteBuf datagram : dump) {
            reader.reset(datagram, 0, datagram.writerIndex());
            while (reader.next()) {
                if (reader.type() >= Netlink.NLMSG_MIN_TYPE) {
                    bh.consume(IpvsCodec.decodeService(reader));
                }
            }
        }
    }

    /** Sorts the 1,000 dumped services into {@link Service#IDENTITY_ORDER}, as {@code getServices()} returns them. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Service> sortDump1000() {
        List<Service> copy = new java.util.ArrayList<>(dumped);
        copy.sort(Service.IDENTITY_ORDER);
        return copy;
    }
}
