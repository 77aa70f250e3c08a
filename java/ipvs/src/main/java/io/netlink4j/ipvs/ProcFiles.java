// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.Errno;
import io.netlink4j.ExtendedAck;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.socket.NetnsFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The per-namespace files of IPVS (sysctls under /proc/sys/net/ipv4/vs, the connection table under
 * /proc/thread-self/net), opened inside the handle's namespace.
 */
final class ProcFiles {
    static final Path SYSCTL_DIR = Path.of("/proc/sys/net/ipv4/vs");

    private final Optional<Path> netns;

    ProcFiles(Optional<Path> netns) {
        this.netns = netns;
    }

    NetnsFile openForReading(Path file) {
        return netns.isPresent() ? NetnsFile.openForReading(netns.get(), file) : NetnsFile.openForReading(file);
    }

    private NetnsFile openForWriting(Path file) {
        return netns.isPresent() ? NetnsFile.openForWriting(netns.get(), file) : NetnsFile.openForWriting(file);
    }

    private String where() {
        return netns.map(n -> " in namespace " + n).orElse("");
    }

    IpvsSysctlValue read(IpvsSysctl sysctl) {
        try (NetnsFile f = openForReading(SYSCTL_DIR.resolve(sysctl.name()))) {
            return IpvsSysctlValue.read(sysctl, new String(f.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (NetlinkErrnoException e) {
            throw refusal(sysctl, "cannot read " + sysctl + where(), e);
        }
    }

    void write(IpvsSysctlValue value) {
        IpvsSysctl sysctl = value.sysctl();
        try (NetnsFile f = openForWriting(SYSCTL_DIR.resolve(sysctl.name()))) {
            f.write((value.text() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (NetlinkErrnoException e) {
            String why = e.errno() == Errno.EBUSY ? " (a sync daemon is running)" : "";
            throw refusal(sysctl, "cannot set " + value + where() + why, e);
        }
    }

    static final Path CONN = Path.of("/proc/thread-self/net/ip_vs_conn");
    static final Path CONN_SYNC = Path.of("/proc/thread-self/net/ip_vs_conn_sync");

    /** Each entry of the connection listing {@code file}, in the kernel's order. */
    void forEachConnection(Path file, java.util.function.Consumer<? super IpvsConnection> action) {
        boolean sync = file.equals(CONN_SYNC);
        NetnsFile f;
        try {
            f = openForReading(file);
        } catch (NetlinkErrnoException e) {
            String why = e.errno() == Errno.ENOENT
                    ? ": IPVS is not loaded in this kernel (Linux " + kernelRelease() + "): load the ip_vs module (modprobe ip_vs)" : "";
            throw new IpvsException("cannot read the connection table " + file + where() + why, e);
        }
        try (java.io.BufferedReader r = new java.io.BufferedReader(
                new java.io.InputStreamReader(f.inputStream(), StandardCharsets.US_ASCII), 1 << 16)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !ConnectionTable.isHeader(line)) {
                    action.accept(ConnectionTable.parse(line, sync));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            f.close();
        }
    }

    /** Every setting present, in name order: the known ones and any others the kernel lists. */
    IpvsSysctls readAll() {
        TreeSet<IpvsSysctl> names = new TreeSet<>(IpvsSysctl.values());
        // The directory as this thread sees it: the same modules register the same names in every namespace.
        try (Stream<Path> listing = java.nio.file.Files.list(SYSCTL_DIR)) {
            listing.forEach(p -> names.add(IpvsSysctl.of(p.getFileName().toString())));
        } catch (java.io.IOException | RuntimeException e) {
            // Without a listing, the known names alone.
        }
        List<IpvsSysctlValue> values = new ArrayList<>();
        for (IpvsSysctl s : names) {
            try {
                values.add(read(s));
            } catch (IpvsException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
            }
        }
        if (values.isEmpty()) {
            throw refusal(IpvsSysctl.CONNTRACK, "no IPVS sysctls" + where(), new NetlinkErrnoException("open(" + SYSCTL_DIR + ")", Errno.ENOENT, ExtendedAck.NONE));
        }
        return new IpvsSysctls(values);
    }

    private static IpvsException refusal(IpvsSysctl sysctl, String message, NetlinkErrnoException e) {
        if (e.errno() != Errno.ENOENT) {
            return new IpvsException(message, e);
        }
        String kernel = kernelRelease();
        String why;
        if (!sysctl.isKnown()) {
            why = "this kernel (Linux " + kernel + ") has no such setting";
        } else if (sysctl.since().isPresent()) {
            why = "this kernel (Linux " + kernel + ") does not have it: it came in Linux " + sysctl.since().get();
        } else if (sysctl.module().isPresent()) {
            why = "it comes with the " + sysctl.module().get() + " module, which is not loaded (Linux " + kernel + ")";
        } else if (sysctl == IpvsSysctl.DEBUG_LEVEL) {
            why = "this kernel (Linux " + kernel + ") is built without CONFIG_IP_VS_DEBUG";
        } else {
            why = "IPVS is not loaded in this kernel (Linux " + kernel + "): load the ip_vs module (modprobe ip_vs)";
        }
        return new IpvsException(message + ": " + why, e);
    }

    static String kernelRelease() {
        try (NetnsFile f = NetnsFile.openForReading(Path.of("/proc/sys/kernel/osrelease"))) {
            return new String(f.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (RuntimeException e) {
            return System.getProperty("os.version", "unknown");
        }
    }
}
