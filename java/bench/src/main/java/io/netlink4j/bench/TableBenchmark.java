// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.IpvsChange;
import io.netlink4j.ipvs.IpvsTable;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reconciliation's own cost, without the kernel: {@link IpvsTable#changesTo} between two
 * tables of 10,000 services with 10 destinations each, identical (a sync with nothing to do)
 * or with one destination in a hundred reweighted; and building such a table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TableBenchmark {
    @Param({"10000"})
    int services;

    @Param({"10"})
    int destinationsPerService;

    private List<Service> serviceList;
    private List<List<Destination>> destinationLists;
    private IpvsTable current;
    private IpvsTable same;
    private IpvsTable reweighted;

    static InetAddress v4(int value) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        serviceList = new ArrayList<>(services);
        destinationLists = new ArrayList<>(services);
        for (int i = 0; i < services; i++) {
            serviceList.add(Service.builder().protocol(Protocol.TCP).address(v4(0x0A000000 + i)).port(80).scheduler(Scheduler.WRR).build());
            List<Destination> ds = new ArrayList<>(destinationsPerService);
            for (int d = 0; d < destinationsPerService; d++) {
                ds.add(Destination.builder().address(v4(0x0B000000 + i * destinationsPerService + d)).port(8080).weight(10).build());
            }
            destinationLists.add(ds);
        }
        current = build(0);
        same = build(0);
        reweighted = build(100);
    }

    /** The table; with {@code every} above 0, every {@code every}-th destination gets weight 20. */
    private IpvsTable build(int every) {
        IpvsTable.Builder b = IpvsTable.builder();
        int n = 0;
        for (int i = 0; i < services; i++) {
            List<Destination> ds = destinationLists.get(i);
            if (every > 0) {
                ds = new ArrayList<>(ds);
                for (int d = 0; d < ds.size(); d++) {
                    if (++n % every == 0) {
                        ds.set(d, ds.get(d).toBuilder().weight(20).build());
                    }
                }
            }
            b.add(serviceList.get(i), ds);
        }
        return b.build();
    }

    @Benchmark
    public List<IpvsChange> changesToIdentical() {
        return current.changesTo(same);
    }

    @Benchmark
    public List<IpvsChange> changesToOnePercentReweighted() {
        return current.changesTo(reweighted);
    }

    @Benchmark
    public IpvsTable buildTable() {
        return build(0);
    }
}
