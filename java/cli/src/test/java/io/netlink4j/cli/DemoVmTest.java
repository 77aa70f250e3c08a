// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo runs in a namespace of its own and leaves the host's IPVS table and namespaces as they were. */
@Tag("kernel-vm")
class DemoVmTest {
    @Test
    void demoLeavesTheHostAlone() {
        Run.program("ipvsadm", "-A", "-t", "192.0.2.1:80", "-s", "rr");
        try {
            String before = Run.program("ipvsadm", "-S", "-n").out();
            Run demo = Run.netlink4j("demo");
            assertEquals(0, demo.exitCode(), demo::toString);
            assertEquals("", demo.err());
            String out = demo.out();
            assertTrue(out.startsWith("# Created network namespace netlink4j-demo-"), out);
            assertTrue(out.contains("$ netlink4j ipvs -A -t 10.0.0.1:80 -s wrr\n"), out);
            assertTrue(out.contains("TCP  10.0.0.1:443 wlc persistent 600 mask 255.255.255.0\n"
                    + "  -> 10.1.1.21:443                Tunnel  5      0          0         \n"
                    + "  -> 10.1.1.22:443                Tunnel  5      0          0         \n"), out);
            assertTrue(out.contains("  -> 10.1.1.22:443                Tunnel  gue:6080:+c   5      0          0         \n"), out);
            assertTrue(out.contains("TCP  10.0.0.1:80 wlc\n  -> 10.1.1.11:8080               Masq    0 "), out);
            assertTrue(out.contains("-A -u 10.0.0.1:53 -s rr -o\n-a -u 10.0.0.1:53 -r 10.1.1.31:53 -g -w 1\n"), out);
            assertTrue(out.endsWith("$ netlink4j ipvs -Ln\nIP Virtual Server version 1.2.1 (size=4096)\n"
                    + "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                    + "\n# Deleted network namespace " + out.substring(28, out.indexOf(' ', 28)) + ".\n"), out);
            assertEquals(before, Run.program("ipvsadm", "-S", "-n").out());
            assertFalse(Run.program("ip", "netns", "list").out().contains("netlink4j-demo"));
        } finally {
            Run.program("ipvsadm", "-D", "-t", "192.0.2.1:80");
        }
    }

    /** Inside the VM, --sandbox has nothing left to do and runs the command directly. */
    @Test
    void sandboxInsideTheVmRunsDirectly() {
        Run run = Run.netlink4j("--sandbox", "ipvs", "-L", "--timeout");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Timeout (tcp tcpfin udp): "), run::toString);
    }
}
