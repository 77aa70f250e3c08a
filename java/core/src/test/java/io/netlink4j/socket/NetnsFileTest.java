// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files opened inside a network namespace, against this host's kernel. */
@Tag("kernel")
class NetnsFileTest {
    private static final Path DEV = Path.of("/proc/thread-self/net/dev");
    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");
    private static final Path TTL = Path.of("/proc/sys/net/ipv4/ip_default_ttl");

    // Not Files.readString: it reads a file the kernel says is empty a byte at a time, and an
    // integer sysctl is only read whole, by the first read(2) from offset 0.
    private static String read(NetnsFile f) {
        return new String(f.readAllBytes(), StandardCharsets.US_ASCII);
    }

    private static List<String> interfaces(String dev) {
        return dev.lines().skip(2).map(l -> l.substring(0, l.indexOf(':')).trim()).sorted().collect(Collectors.toList());
    }

    @Test
    void procNetOfAFreshNamespaceHasOnlyLoopbackWhileTheCallersIsUnchanged() throws Exception {
        assumeTrue(Netns.available(), "needs root and ip netns");
        String host = Files.readString(DEV);
        try (Netns ns = Netns.create("nl4j-file");
             NetnsFile f = NetnsFile.openForReading(ns.path(), DEV)) {
            assertEquals(List.of("lo"), interfaces(read(f)));
            assertEquals(ns.path(), f.netns().orElseThrow());
            // The thread is back in its own namespace: its files are the host's again.
            assertEquals(interfaces(host), interfaces(Files.readString(DEV)));
            try (NetnsFile own = NetnsFile.openForReading(DEV)) {
                assertEquals(interfaces(host), interfaces(read(own)));
                assertFalse(own.netns().isPresent());
            }
        }
    }

    @Test
    void aSysctlWrittenInANamespaceChangesThereOnly() throws Exception {
        assumeTrue(Netns.available(), "needs root and ip netns");
        String hostTtl = Netns.run("cat", TTL.toString()).trim();
        String other = hostTtl.equals("99") ? "98" : "99";
        try (Netns ns = Netns.create("nl4j-file")) {
            try (NetnsFile w = NetnsFile.openForWriting(ns.path(), TTL)) {
                assertEquals(3, w.write((other + "\n").getBytes(StandardCharsets.US_ASCII)));
            }
            try (NetnsFile r = NetnsFile.openForReading(ns.path(), TTL)) {
                assertEquals(other + "\n", read(r));
            }
            assertEquals(other, ns.exec("cat", TTL.toString()).trim());
            assertEquals(hostTtl, Netns.run("cat", TTL.toString()).trim());
            try (NetnsFile r = NetnsFile.openForReading(TTL)) {
                assertEquals(hostTtl + "\n", read(r));
            }
        }
    }

    @Test
    void aSysctlDescriptorStaysInItsNamespace() throws Exception {
        assumeTrue(Netns.available(), "needs root and ip netns");
        try (Netns ns = Netns.create("nl4j-file");
             NetnsFile w = NetnsFile.openForWriting(ns.path(), IP_FORWARD)) {
            String host = Netns.run("cat", IP_FORWARD.toString()).trim();
            String value = host.equals("1") ? "0" : "1";
            w.write(value.getBytes(StandardCharsets.US_ASCII));
            // Written after the namespace switch is long undone: still the namespace's value.
            assertEquals(value, ns.exec("cat", IP_FORWARD.toString()).trim());
            assertEquals(host, Netns.run("cat", IP_FORWARD.toString()).trim());
        }
    }

    @Test
    void refusedValuesAndMissingFilesAreErrnoExceptions() {
        assumeTrue(Netns.available(), "needs root and ip netns");
        try (Netns ns = Netns.create("nl4j-file")) {
            try (NetnsFile w = NetnsFile.openForWriting(ns.path(), TTL)) {
                NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                        () -> w.write("0\n".getBytes(StandardCharsets.US_ASCII)));
                assertEquals(Errno.EINVAL, e.errno());
                assertTrue(e.getMessage().contains("write(" + TTL + ") in network namespace " + ns.path()), e.getMessage());
            }
            NetlinkErrnoException missing = assertThrows(NetlinkErrnoException.class,
                    () -> NetnsFile.openForReading(ns.path(), Path.of("/proc/thread-self/net/no_such_file")));
            assertEquals(Errno.ENOENT, missing.errno());
            assertTrue(missing.getMessage().contains("no_such_file"), missing.getMessage());
        }
        NetlinkErrnoException noNs = assertThrows(NetlinkErrnoException.class,
                () -> NetnsFile.openForReading(Path.of("/var/run/netns/nl4j-no-such-namespace"), DEV));
        assertEquals(Errno.ENOENT, noNs.errno());
        NetlinkErrnoException notNs = assertThrows(NetlinkErrnoException.class,
                () -> NetnsFile.openForReading(Path.of("/proc/self/stat"), DEV));
        assertEquals(Errno.EINVAL, notNs.errno());
    }

    @Test
    void readsInSmallPiecesThroughAStreamAndRefusesUseAfterClose() throws Exception {
        NetnsFile f = NetnsFile.openForReading(DEV);
        StringBuilder all = new StringBuilder();
        byte[] small = new byte[7];
        for (int n; (n = f.read(small, 0, small.length)) > 0; ) {
            all.append(new String(small, 0, n, StandardCharsets.US_ASCII));
        }
        assertEquals(-1, f.read(small, 0, small.length));
        try (NetnsFile g = NetnsFile.openForReading(DEV);
             BufferedReader r = new BufferedReader(new InputStreamReader(g.inputStream(), StandardCharsets.US_ASCII))) {
            assertEquals(interfaces(all.toString()), interfaces(r.lines().collect(Collectors.joining("\n"))));
        }
        f.close();
        f.close();
        assertThrows(NetlinkClosedException.class, () -> f.read(small, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> NetnsFile.openForReading(DEV).read(small, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> NetnsFile.openForReading(Path.of("")));
        assertThrows(IllegalArgumentException.class, () -> NetnsFile.openForReading(Path.of("/a".repeat(2048)), DEV));
    }
}
