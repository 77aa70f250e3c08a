// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.testsupport.Descriptors;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults of a real kernel: kernel modules removed and loaded again under an open handle, and many
 * handles in many namespaces. The figures printed here are in docs/reliability.md.
 */
@Tag("kernel-vm")
class FaultVmTest {
    /** Namespaces (one handle each) of {@link #manyHandlesInManyNamespaces}; docs/reliability.md has a run with 1,000. */
    static final int NAMESPACES = Integer.getInteger("nl4j.faults.namespaces", 100);
    static final Path KERNEL_MODPROBE = Path.of("/proc/sys/kernel/modprobe");

    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClass();

    static Service service(String address, Scheduler scheduler) {
        return Service.builder().protocol(Protocol.TCP).address(ip(address)).port(80).scheduler(scheduler).build();
    }

    /**
     * A scheduler module in use cannot be removed (the service holds a reference to it, the kernel
     * says "in use") and the service keeps working; once unused it can be; a service that asks for
     * it then makes the kernel load it again, and when the kernel cannot, the error names the module.
     */
    @Test
    void schedulerModuleInUseStaysAndAnAbsentOneIsNamedWhenItCannotBeLoaded() throws IOException {
        Service sh = service("10.0.0.1", Scheduler.SH);
        modprobe("ip_vs_sh");
        ns.ipvs.newService(sh);
        try {
            Result inUse = modprobeResult("-r", "ip_vs_sh");
            assertNotEquals(0, inUse.status, inUse.output);
            assertTrue(inUse.output.contains("in use"), inUse.output);
            assertTrue(moduleLoaded("ip_vs_sh"));
            assertEquals(sh, ns.ipvs.getService(sh).withoutStats());
            ns.ipvs.newDestination(sh, Destination.builder().address(ip("10.1.1.2")).port(80).build());
        } finally {
            ns.ipvs.flush();
        }
        modprobe("-r", "ip_vs_sh");
        assertFalse(moduleLoaded("ip_vs_sh"));

        String kernelModprobe = Files.readString(KERNEL_MODPROBE).trim();
        Files.writeString(KERNEL_MODPROBE, "/nonexistent/modprobe\n");
        try {
            UnknownSchedulerException e = assertThrows(UnknownSchedulerException.class, () -> ns.ipvs.newService(sh));
            assertEquals("ip_vs_sh", e.module());
            assertTrue(e.getMessage().contains("ip_vs_sh"), e.getMessage());
            System.out.println("FaultVmTest: scheduler module absent and not loadable: " + e.getMessage());
        } finally {
            Files.writeString(KERNEL_MODPROBE, kernelModprobe + "\n");
        }
        try {
            ns.ipvs.newService(sh);
            assertTrue(moduleLoaded("ip_vs_sh"), "loaded again by the kernel on demand");
            assertEquals(sh, ns.ipvs.getService(sh).withoutStats());
        } finally {
            ns.ipvs.flush();
        }
    }

    /**
     * ip_vs and every module that uses it removed while two handles are open. While the kernel
     * cannot load it again (module loading disabled), every operation fails with a
     * GenlFamilyNotFoundException that says to load ip_vs, and so does opening a handle. Once it
     * can, the handle's next operation looks the family up, and that lookup alone makes the kernel
     * load ip_vs again (nlctrl requests the module of a family it does not know): the operation
     * succeeds without anyone running modprobe. The other handle, never used in between, finds the
     * family under its new id on its next operation.
     */
    @Test
    void ipvsModulesRemovedAndLoadedAgainUnderOpenHandles() throws IOException {
        List<String> modules = ipvsModules();
        assertTrue(modules.contains("ip_vs"), modules.toString());
        int before = ns.ipvs.family().id();
        String kernelModprobe = Files.readString(KERNEL_MODPROBE).trim();
        try (IpvsHandle untouched = IpvsHandle.open(ns.netns.path())) {
            ns.ipvs.newService(service("10.0.0.2", Scheduler.RR));
            ns.ipvs.flush();
            List<String> remove = new ArrayList<>(List.of("-r", "-a"));
            remove.addAll(modules.stream().filter(m -> !m.equals("ip_vs")).toList());
            remove.add("ip_vs");
            Files.writeString(KERNEL_MODPROBE, "/nonexistent/modprobe\n");
            try {
                modprobe(remove.toArray(String[]::new));
                assertFalse(moduleLoaded("ip_vs"));
                GenlFamilyNotFoundException listing = assertThrows(GenlFamilyNotFoundException.class, ns.ipvs::getServices);
                assertEquals("IPVS", listing.family());
                assertTrue(listing.getMessage().contains("modprobe ip_vs"), listing.getMessage());
                GenlFamilyNotFoundException creating = assertThrows(GenlFamilyNotFoundException.class,
                        () -> ns.ipvs.newService(service("10.0.0.3", Scheduler.RR)));
                assertTrue(creating.getMessage().contains("modprobe ip_vs"), creating.getMessage());
                assertThrows(GenlFamilyNotFoundException.class, () -> IpvsHandle.open(ns.netns.path()).close());
                assertFalse(moduleLoaded("ip_vs"));
                System.out.println("FaultVmTest: while ip_vs is absent: " + listing.getMessage());
            } finally {
                Files.writeString(KERNEL_MODPROBE, kernelModprobe + "\n");
            }
            // The handle that saw IPVS gone: its lookup makes the kernel load ip_vs.
            assertEquals(List.of(), ns.ipvs.getServices(), "the kernel's tables start empty after the reload");
            assertTrue(moduleLoaded("ip_vs"), "loaded by the kernel for the family lookup");
            List<String> load = new ArrayList<>(List.of("-a"));
            load.addAll(modules);
            modprobe(load.toArray(String[]::new));
            Service again = service("10.0.0.4", Scheduler.WLC);
            ns.ipvs.newService(again);
            // The handle never used in between.
            assertEquals(List.of(again), untouched.getServices().stream().map(Service::withoutStats).toList());
            untouched.delService(again);
            assertEquals(ns.ipvs.family().id(), untouched.family().id());
            System.out.println("FaultVmTest: IPVS family id " + before + " before the reload, " + untouched.family().id() + " after");
        } finally {
            if (!moduleLoaded("ip_vs")) {
                List<String> load = new ArrayList<>(List.of("-a"));
                load.addAll(modules);
                modprobe(load.toArray(String[]::new));
            }
            ns.ipvs.flush();
        }
    }

    /**
     * Many namespaces with one open handle each: every handle sees its own namespace, each costs
     * one descriptor, and closing them gives every descriptor back. Prints the memory figures.
     */
    @Test
    void manyHandlesInManyNamespaces() throws IOException {
        String prefix = "nl4j-many-" + ProcessHandle.current().pid() + "-";
        int fdsBefore = Descriptors.ofShimKinds();
        long availableBefore = meminfo("MemAvailable");
        long rssBefore = status("VmRSS");
        long start = System.nanoTime();
        ipBatch(Stream.iterate(0, i -> i + 1).limit(NAMESPACES).map(i -> "netns add " + prefix + i).toList());
        long created = System.nanoTime();
        long availableNamespaces = meminfo("MemAvailable");
        List<IpvsHandle> handles = new ArrayList<>();
        try {
            for (int i = 0; i < NAMESPACES; i++) {
                handles.add(IpvsHandle.open(Path.of("/var/run/netns", prefix + i)));
            }
            long opened = System.nanoTime();
            for (int i = 0; i < NAMESPACES; i++) {
                handles.get(i).newService(service("10.2." + (i / 250) + "." + (i % 250 + 1), Scheduler.RR));
            }
            for (int i = 0; i < NAMESPACES; i++) {
                assertEquals(List.of(service("10.2." + (i / 250) + "." + (i % 250 + 1), Scheduler.RR)),
                        handles.get(i).getServices().stream().map(Service::withoutStats).toList(), "namespace " + i);
            }
            long used = System.nanoTime();
            assertEquals(fdsBefore + NAMESPACES, Descriptors.ofShimKinds(), "one descriptor per handle");
            long rssOpen = status("VmRSS");
            long availableHandles = meminfo("MemAvailable");
            System.out.printf("FaultVmTest: %d namespaces created in %.1f s (MemAvailable -%d KiB), %d handles opened in %.1f s, "
                            + "one service each created and listed in %.1f s; descriptors %d -> %d; "
                            + "JVM RSS %d -> %d KiB; MemAvailable -%d KiB more with the handles and services%n",
                    NAMESPACES, (created - start) / 1e9, availableBefore - availableNamespaces, NAMESPACES, (opened - created) / 1e9,
                    (used - opened) / 1e9, fdsBefore, fdsBefore + NAMESPACES, rssBefore, rssOpen,
                    availableNamespaces - availableHandles);
        } finally {
            for (IpvsHandle h : handles) {
                h.close();
            }
            ipBatch(Stream.iterate(0, i -> i + 1).limit(NAMESPACES).map(i -> "netns del " + prefix + i).toList());
        }
        assertEquals(fdsBefore, Descriptors.ofShimKinds(), "every descriptor given back");
    }

    // Helpers.

    record Result(int status, String output) {}

    static Result modprobeResult(String... args) {
        List<String> command = new ArrayList<>();
        Path wrapper = Path.of("/run/kernel-vm/bin/modprobe");
        command.add(Files.isExecutable(wrapper) ? wrapper.toString() : "modprobe");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (var in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "modprobe ended");
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void modprobe(String... args) {
        Result r = modprobeResult(args);
        assertEquals(0, r.status, "modprobe " + String.join(" ", args) + ": " + r.output);
    }

    static boolean moduleLoaded(String name) {
        return Files.isDirectory(Path.of("/sys/module", name));
    }

    /** The loaded modules named ip_vs*, from /proc/modules. */
    static List<String> ipvsModules() {
        try {
            return Files.readAllLines(Path.of("/proc/modules")).stream().map(l -> l.split(" ")[0])
                    .filter(m -> m.equals("ip_vs") || m.startsWith("ip_vs_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ipBatch(List<String> lines) throws IOException {
        Path batch = Files.createTempFile("nl4j-ip-batch", ".txt");
        try {
            Files.write(batch, lines);
            Netns.run("ip", "-batch", batch.toString());
        } finally {
            Files.delete(batch);
        }
    }

    /** A field of /proc/meminfo, in KiB. */
    static long meminfo(String field) throws IOException {
        return field(Path.of("/proc/meminfo"), field);
    }

    /** A field of /proc/self/status, in KiB. */
    static long status(String field) throws IOException {
        return field(Path.of("/proc/self/status"), field);
    }

    private static long field(Path file, String field) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).trim().split(" ")[0])).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " has no " + field));
    }
}
