// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules saved by either tool restore identically with the other (compared as ipvsadm -S -n of
 * the result), a restore of 10,000 lines is fast, and bad input is handled as ipvsadm does.
 *
 * <p>ipvsadm's sort is not a total order (it compares addresses by signed 32-bit differences),
 * so for addresses far apart the order it prints depends on the kernel's hash-table order, which
 * depends on the order services were added. Tables restored elsewhere are therefore compared as
 * sets of services, each with its real servers in order.
 */
@Tag("kernel-vm")
class IpvsRestoreVmTest {
    static IpvsNamespaces source;
    static IpvsNamespaces target;

    @BeforeAll
    static void setUp() {
        source = IpvsNamespaces.create();
        target = IpvsNamespaces.create();
    }

    @AfterAll
    static void tearDown() {
        source.close();
        target.close();
    }

    @AfterEach
    void clear() {
        source.ipvsadmOk("-C");
        target.ipvsadmOk("-C");
    }

    @Test
    void savedByEitherRestoresWithTheOther() {
        source.restoreWithIpvsadm(IpvsListingVmTest.MIXED + IpvsListingVmTest.WEIGHTS.replace("10.0.0.1:80", "10.9.9.9:80")
                + IpvsListingVmTest.randomRules(new Random(7), 60));
        String saved = source.ipvsadmOk("-S", "-n");
        Set<List<String>> expected = services(saved);

        Run restored = target.oursWithInput(saved, "-R");
        assertEquals(new Run(0, "", ""), restored);
        assertEquals(expected, services(target.ipvsadmOk("-S", "-n")), "ipvsadm's -S -n restored by netlink4j");
        target.ipvsadmOk("-C");

        Run ours = source.ours("-S", "-n");
        assertEquals(new Run(0, saved, ""), ours);
        target.restoreWithIpvsadm(ours.out());
        assertEquals(expected, services(target.ipvsadmOk("-S", "-n")), "netlink4j's -S -n restored by ipvsadm");
    }

    @Test
    void namedRulesRestore() {
        source.restoreWithIpvsadm(IpvsListingVmTest.MIXED);
        Set<List<String>> expected = services(source.ipvsadmOk("-S", "-n"));

        assertEquals(new Run(0, "", ""), target.oursWithInput(source.ipvsadmOk("-S"), "--restore"));
        assertEquals(expected, services(target.ipvsadmOk("-S", "-n")), "ipvsadm's -S restored by netlink4j");
        target.ipvsadmOk("-C");

        target.restoreWithIpvsadm(source.ours("-S").out());
        assertEquals(expected, services(target.ipvsadmOk("-S", "-n")), "netlink4j's -S restored by ipvsadm");
    }

    /**
     * 2,000 services with four real servers each, in one restore, timed in a JVM of its own (the
     * tests' paranoid leak detection would dominate the time here). In the emulated VM this takes
     * about as long as ipvsadm -R; natively, well under a second plus JVM start-up.
     */
    @Test
    void tenThousandLines() {
        StringBuilder rules = new StringBuilder();
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String service = "-t 10." + (i / 250) + "." + (i % 250) + ".1:" + (80 + i % 7);
            String line = "-A " + service + " -s wrr";
            rules.append(line).append('\n');
            lines.add(line);
            for (int j = 0; j < 4; j++) {
                line = "-a " + service + " -r 10.1.1." + (2 + j) + ":" + (8080 + i % 11) + " -m -w " + (j + i % 5);
                rules.append(line).append('\n');
                lines.add(line);
            }
        }
        long start = System.nanoTime();
        Run restored = target.oursInOwnJvm(rules.toString(), "-R");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(new Run(0, "", ""), restored);
        System.out.println("netlink4j ipvs -R of 10,000 lines took " + millis + " ms, JVM start-up included");
        String saved = target.ipvsadmOk("-S", "-n");
        assertEquals(lines, new HashSet<>(saved.lines().toList()));
        assertEquals(10_000, saved.lines().count());
    }

    /** Refused lines are reported with their number, and the others still apply, as with ipvsadm. */
    @Test
    void refusedLinesAreReportedAndTheRestApplies() {
        String rules = """
                -A -t 10.0.0.1:80 -s rr
                -A -t 10.0.0.1:80 -s rr
                ipvsadm -a -t 10.0.0.1:80 -r 10.1.1.2 -m

                -a -t 10.0.0.2:80 -r 10.1.1.3 -m
                -A -t 10.0.0.3:80 -s nosuch
                -A -t 10.0.0.4:80 -s wlc
                -L -n
                -a -t 10.0.0.4:80 -r 10.1.1.4 -m -w 3
                """;
        Run ipvsadm = source.ipvsadmWithInput(rules, "-R");
        assertEquals(3, ipvsadm.err().lines().count(), ipvsadm::toString);
        Run restored = target.oursWithInput(rules, "-R");
        assertEquals(255, restored.exitCode(), restored::toString);
        List<String> errors = restored.err().lines().toList();
        assertEquals(3, errors.size(), restored::toString);
        assertTrue(errors.get(0).startsWith("netlink4j ipvs: line 2: service TCP 10.0.0.1:80 already exists"), restored::toString);
        assertTrue(errors.get(1).startsWith("netlink4j ipvs: line 5: "), restored::toString);
        assertTrue(errors.get(2).startsWith("netlink4j ipvs: line 6: unknown scheduler 'nosuch'"), restored::toString);
        assertTrue(restored.out().startsWith("IP Virtual Server version"), restored::toString);
        assertEquals(source.ipvsadmOk("-S", "-n"), target.ipvsadmOk("-S", "-n"));
    }

    /** Saved rules as a set of services, each a list: its -A line, then its -a lines in order. */
    static Set<List<String>> services(String saved) {
        List<List<String>> services = new ArrayList<>();
        for (String line : saved.lines().toList()) {
            if (line.startsWith("-A ")) {
                services.add(new ArrayList<>());
            }
            services.get(services.size() - 1).add(line);
        }
        return new HashSet<>(services);
    }

    /** A line that is not valid stops the restore before anything is applied. */
    @Test
    void invalidLineChangesNothing() {
        Run restored = target.oursWithInput("-A -t 10.0.0.1:80 -s rr\n-A -t 10.0.0.2:80 -s rr -p 0\n", "-R");
        assertEquals(2, restored.exitCode());
        assertEquals("netlink4j ipvs: line 2: invalid timeout value `0' specified\n"
                + "Try 'netlink4j ipvs --help' for more information.\n", restored.err());
        assertEquals("", target.ipvsadmOk("-S", "-n"));
    }
}
