// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.Errno;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The net.ipv4.vs.* settings read and set by the library, against busybox's sysctl run inside the
 * same namespace, in a fresh namespace and in the VM's initial one.
 */
@Tag("kernel-vm")
class SysctlVmTest {
    /** {@code sysctl net.ipv4.vs}: every IPVS line, as busybox prints them in the namespace (or here, for null). */
    private static List<String> sysctlAll(Netns ns) {
        String out = ns == null ? Netns.run("busybox", "sysctl", "net.ipv4.vs") : ns.exec("busybox", "sysctl", "net.ipv4.vs");
        return out.lines().filter(l -> l.startsWith("net.ipv4.vs.")).sorted().collect(Collectors.toList());
    }

    private static String sysctl(Netns ns, IpvsSysctl s) {
        String out = ns == null ? Netns.run("busybox", "sysctl", "-n", s.fullName()) : ns.exec("busybox", "sysctl", "-n", s.fullName());
        return out.strip();
    }

    private static List<String> lines(IpvsSysctls snapshot) {
        return snapshot.values().stream().map(IpvsSysctlValue::toString).collect(Collectors.toList());
    }

    /** Another allowed value than {@code v}'s. */
    private static IpvsSysctlValue other(IpvsSysctlValue v) {
        IpvsSysctl s = v.sysctl();
        return switch (s.type()) {
            case BOOLEAN -> IpvsSysctlValue.of(s, !v.asBoolean());
            case INTEGER -> IpvsSysctlValue.of(s, s == IpvsSysctl.SYNC_PORTS ? (v.asLong() == 1 ? 2 : 1)
                    : v.asLong() < s.max() ? v.asLong() + 1 : v.asLong() - 1);
            case SECONDS, UNSIGNED_LONG -> IpvsSysctlValue.of(s, v.asLong() + 7);
            case INTEGER_PAIR -> IpvsSysctlValue.of(s, (v.asLongs().get(0) + 1) + " " + (v.asLongs().get(1) + 10));
            case CPULIST -> IpvsSysctlValue.of(s, v.text().equals("0") ? "" : "0");
            case TEXT -> v;
        };
    }

    @Test
    void everySettingOfANamespaceIsWhatSysctlSaysAndSetsThereOnly() {
        try (IpvsNamespace ns = IpvsNamespace.create()) {
            IpvsSysctls before = ns.ipvs.getSysctls();
            assertEquals(sysctlAll(ns.netns), lines(before));
            List<String> host = sysctlAll(null);
            List<IpvsSysctlValue> changed = new ArrayList<>();
            for (IpvsSysctlValue v : before.values()) {
                if (v.sysctl().isKnown()) {
                    IpvsSysctlValue next = other(v);
                    ns.ipvs.setSysctl(next);
                    changed.add(next);
                    assertEquals(next, ns.ipvs.getSysctl(v.sysctl()));
                }
            }
            assertTrue(changed.size() >= 25, "settings changed: " + changed);
            // One sysctl run for all the changes (each run costs seconds in the emulator).
            IpvsSysctls after = ns.ipvs.getSysctls();
            assertEquals(sysctlAll(ns.netns), lines(after));
            assertFalse(lines(after).equals(lines(before)));
            for (IpvsSysctlValue v : changed) {
                assertEquals(v, after.get(v.sysctl()).orElseThrow());
            }
            // The VM's initial namespace kept its values.
            assertEquals(host, sysctlAll(null));
        }
    }

    @Test
    void aSettingOfTheInitialNamespace() {
        try (IpvsHandle ipvs = IpvsHandle.open()) {
            IpvsSysctlValue was = ipvs.getSysctl(IpvsSysctl.EXPIRE_NODEST_CONN);
            assertEquals(sysctlAll(null), lines(ipvs.getSysctls()));
            try {
                ipvs.setSysctl(IpvsSysctl.EXPIRE_NODEST_CONN, was.asBoolean() ? "0" : "1");
                assertEquals(was.asBoolean() ? "0" : "1", sysctl(null, IpvsSysctl.EXPIRE_NODEST_CONN));
            } finally {
                ipvs.setSysctl(was);
            }
            assertEquals(was.text(), sysctl(null, IpvsSysctl.EXPIRE_NODEST_CONN));
        }
    }

    @Test
    void settingsAKernelLacksAndValuesItRefuseAreClearErrors() {
        String release = ProcFiles.kernelRelease();
        String[] v = release.split("[.-]");
        boolean before62 = Integer.parseInt(v[0]) < 6 || (Integer.parseInt(v[0]) == 6 && Integer.parseInt(v[1]) < 2);
        try (IpvsNamespace ns = IpvsNamespace.create()) {
            if (before62) {
                IpvsException e = assertThrows(IpvsException.class, () -> ns.ipvs.getSysctl(IpvsSysctl.EST_NICE));
                assertEquals(Errno.ENOENT, e.errno());
                assertTrue(e.getMessage().startsWith("cannot read net.ipv4.vs.est_nice in namespace " + ns.netns.path()
                        + ": this kernel (Linux " + release + ") does not have it: it came in Linux 6.2"), e.getMessage());
                assertFalse(ns.ipvs.getSysctls().get(IpvsSysctl.EST_NICE).isPresent());
            } else {
                int nice = ns.ipvs.getSysctl(IpvsSysctl.EST_NICE).asInt();
                assertTrue(nice >= -20 && nice <= 19, "est_nice " + nice);
                assertEquals(Integer.toString(nice), sysctl(ns.netns, IpvsSysctl.EST_NICE));
            }
            IpvsException unknown = assertThrows(IpvsException.class, () -> ns.ipvs.setSysctl(IpvsSysctl.of("no_such_knob"), "1"));
            assertEquals(Errno.ENOENT, unknown.errno());
            assertTrue(unknown.getMessage().contains("net.ipv4.vs.no_such_knob")
                    && unknown.getMessage().contains("(Linux " + release + ") has no such setting"), unknown.getMessage());
            // The kernel's own check (a threshold not below its period), behind the library's.
            IpvsException refused = assertThrows(IpvsException.class,
                    () -> ns.ipvs.setSysctl(IpvsSysctlValue.read(IpvsSysctl.SYNC_THRESHOLD, "60 50")));
            assertEquals(Errno.EINVAL, refused.errno());
            assertTrue(refused.getMessage().startsWith("cannot set net.ipv4.vs.sync_threshold = 60 50 in namespace "), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ns.ipvs.setSysctl(IpvsSysctl.SYNC_THRESHOLD, "60 50"));
        }
    }
}
