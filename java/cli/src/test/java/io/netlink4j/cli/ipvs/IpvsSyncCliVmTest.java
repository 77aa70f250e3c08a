// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code netlink4j ipvs-sync} against the real kernel and ipvsadm: rules that ipvsadm loaded need
 * no change, a changed file changes only what differs (checked with ipvsadm -S), --dry-run
 * changes nothing, and bad input changes nothing.
 */
@Tag("kernel-vm")
class IpvsSyncCliVmTest {
    static IpvsNamespaces ns;

    @BeforeAll
    static void setUp() {
        ns = IpvsNamespaces.create();
    }

    @AfterAll
    static void tearDown() {
        ns.close();
    }

    @AfterEach
    void clear() {
        ns.ipvsadmOk("-C");
    }

    static Run sync(String rules, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "--netns";
        command[1] = ns.name();
        command[2] = "ipvs-sync";
        System.arraycopy(args, 0, command, 3, args.length);
        return Run.netlink4jWithInput(rules, command);
    }

    static Set<String> saved() {
        return new TreeSet<>(ns.ipvsadmOk("-S", "-n").lines().toList());
    }

    @Test
    void rulesIpvsadmLoadedNeedNoChange() {
        String rules = IpvsListingVmTest.MIXED + IpvsListingVmTest.randomRules(new Random(11), 60);
        ns.restoreWithIpvsadm(rules);
        assertEquals(new Run(0, "", ""), sync(rules), "every setting ipvsadm sets reads back as the rules say");

        // ipvsadm -S leaves out thresholds, so its output asks for them to be cleared, and nothing else
        // (a direct-routing destination takes the service port, as ipvsadm gives it).
        Run cleared = sync(ns.ipvsadmOk("-S", "-n"), "--dry-run");
        assertEquals(0, cleared.exitCode(), cleared::toString);
        List<String> changes = cleared.out().lines().toList();
        assertTrue(changes.contains("-e -t 10.0.0.1:80 -r 10.1.1.3:80 -g -w 2 -x 0 -y 0"), cleared::toString);
        assertTrue(changes.contains("-e --sctp-service 10.0.0.7:99 -r 10.1.1.14:99 -m -w 1 -x 0 -y 0"), cleared::toString);
        assertEquals(rules.lines().filter(l -> l.startsWith("-a ") && (l.contains(" -x ") || l.contains(" -y "))).count(), changes.size(),
                cleared::toString);
        assertTrue(changes.stream().allMatch(l -> l.startsWith("-e ") && (l.endsWith(" -x 0 -y 0") || l.endsWith(" -x 0") || l.endsWith(" -y 0"))),
                cleared::toString);
    }

    @Test
    void onlyWhatDiffersChanges() {
        ns.restoreWithIpvsadm("""
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 10
                -a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 10
                -a -t 10.0.0.1:80 -r 10.1.1.4:8080 -m -w 10
                -A -u 10.0.0.1:53 -s rr
                -a -u 10.0.0.1:53 -r 10.1.1.2:53 -m -w 1
                -A -f 7 -s sh -b sh-fallback
                -a -f 7 -r 10.1.1.6:0 -g -w 1
                """);
        String desired = """
                # web: 10.1.1.3 drained, 10.1.1.4 gone, 10.1.1.5 new
                -A -t 10.0.0.1:80 -s wrr
                -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 10
                -a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 0
                -a -t 10.0.0.1:80 -r 10.1.1.5:8080 -m -w 10 -x 500
                ipvsadm -A -f 7 -s mh -b mh-fallback
                -a -f 7 -r 10.1.1.6:0 -g -w 1
                -A -t [2001:db8::1]:443 -s lc -p 60 -M 64
                -a -t [2001:db8::1]:443 -r [2001:db8:1::2]:443 -m -w 1
                """;
        Set<String> before = saved();
        String plan = """
                -d -t 10.0.0.1:80 -r 10.1.1.4:8080
                -D -u 10.0.0.1:53
                -E -f 7 -s mh -b mh-fallback
                -A -t [2001:db8::1]:443 -s lc -p 60 -M 64
                -e -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 0
                -a -t 10.0.0.1:80 -r 10.1.1.5:8080 -m -w 10 -x 500
                -a -t [2001:db8::1]:443 -r [2001:db8:1::2]:443 -m -w 1
                """;
        assertEquals(new Run(0, plan, ""), sync(desired, "--dry-run"));
        assertEquals(before, saved(), "--dry-run changed nothing");

        assertEquals(new Run(0, plan, ""), sync(desired));
        assertEquals(new TreeSet<>(Set.of(
                "-A -t 10.0.0.1:80 -s wrr",
                "-a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 10",
                "-a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 0",
                "-a -t 10.0.0.1:80 -r 10.1.1.5:8080 -m -w 10",
                "-A -f 7 -s mh -b mh-fallback",
                "-a -f 7 -r 10.1.1.6:0 -g -w 1",
                "-A -t [2001:db8::1]:443 -s lc -p 60 -M 64",
                "-a -t [2001:db8::1]:443 -r [2001:db8:1::2]:443 -m -w 1")), saved());
        assertTrue(ns.ipvsadmOk("-L", "-n", "--thresholds").contains("10.1.1.5:8080                500"),
                "the threshold -S cannot show was set");
        assertEquals(new Run(0, "", ""), sync(desired), "a second run has nothing to do");
        Run refused = sync("# nothing\n\n");
        assertEquals(new Run(2, "", "netlink4j ipvs-sync: standard input: no rules (expected: -A and -a lines;"
                + " --allow-empty to delete every service)\n"), refused);
        assertEquals(3, saved().stream().filter(l -> l.startsWith("-A ")).count(), "empty input changed nothing");
        Run emptied = sync("", "--allow-empty");
        assertEquals(new Run(0, emptied.out(), ""), emptied);
        assertEquals(new TreeSet<>(Set.of("-D -t 10.0.0.1:80", "-D -f 7", "-D -t [2001:db8::1]:443")), new TreeSet<>(emptied.out().lines().toList()),
                "empty rules: an empty table, one deletion per service");
        assertEquals(Set.of(), saved());
    }

    @Test
    void aFileNamedOnTheCommandLine() throws Exception {
        Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "rules", ".txt");
        try {
            Files.writeString(file, "-A -t 10.0.0.1:80 -s rr\n");
            assertEquals(new Run(0, "-A -t 10.0.0.1:80 -s rr\n", ""), sync("-A -t 10.0.0.2:80\n", file.toString()));
            assertEquals(Set.of("-A -t 10.0.0.1:80 -s rr"), saved());
        } finally {
            Files.delete(file);
        }
        Run missing = sync("", "/nonexistent/rules");
        assertEquals(new Run(1, "", "netlink4j ipvs-sync: /nonexistent/rules: no such file\n"), missing);
    }

    @Test
    void badInputChangesNothing() {
        ns.restoreWithIpvsadm("-A -t 10.0.0.1:80 -s rr\n");
        Set<String> before = saved();
        assertUsageError("-A -t 10.0.0.2:80 -s rr\n-C\n",
                "line 2: flush (expected: -A and -a lines only, as ipvsadm -S writes them)");
        assertUsageError("-A -t 10.0.0.2:80 -s rr\n\n-a -t 10.0.0.3:80 -r 10.1.1.2:80\n",
                "line 3: destination 10.1.1.2:80 for service TCP 10.0.0.3:80, which is not in the table (expected: the service added first)");
        assertUsageError("-A -t 10.0.0.2:80 -s rr\n-A -t 10.0.0.2:80 -s wrr\n",
                "line 2: service TCP 10.0.0.2:80 added twice (expected: each service once)");
        assertUsageError("-A -t 10.0.0.2:80 -s rr -p 0\n", "line 1: invalid timeout value `0' specified");
        assertEquals(before, saved());
    }

    /** ipvs-sync refuses {@code rules} as a usage error (exit 2) whose message starts with {@code message}. */
    static void assertUsageError(String rules, String message) {
        Run run = sync(rules);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("netlink4j ipvs-sync: " + message), run::toString);
    }

    @Test
    void aRefusedChangeIsReportedAndTheRestApplied() {
        Run run = sync("-A -t 10.0.0.1:80 -s nosuch\n-a -t 10.0.0.1:80 -r 10.1.1.2:80 -m\n-A -t 10.0.0.2:80 -s rr\n");
        assertEquals(255, run.exitCode(), run::toString);
        assertEquals("-A -t 10.0.0.2:80 -s rr\n", run.out());
        assertEquals("""
                netlink4j ipvs-sync: -A -t 10.0.0.1:80 -s nosuch: unknown scheduler 'nosuch' for service TCP 10.0.0.1:80 (is kernel module ip_vs_nosuch available?): ENOENT (No such file or directory)
                netlink4j ipvs-sync: -a -t 10.0.0.1:80 -r 10.1.1.2:80 -m -w 1: no such service TCP 10.0.0.1:80 (for destination 10.1.1.2:80): ESRCH (No such process)
                """, run.err());
        assertEquals(Set.of("-A -t 10.0.0.2:80 -s rr"), saved());
    }
}
