// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The command line as a whole on this host: usage errors, help, and failures as one line with an exit code. */
class MainTest {
    static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run::toString);
        assertFalse(run.out().contains("\tat ") || run.out().contains("Exception"), run::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ipvs -A|2|netlink4j ipvs: You need to supply the 'service-address' option for the 'add-service' command",
            "ipvs -A -t 10.0.0.1:80 -p 0|2|netlink4j ipvs: invalid timeout value `0' specified",
            "ipvs -a -t 10.0.0.1:80 -r 10.1.1.2 -w x|2|netlink4j ipvs: illegal weight specified",
            "ipvs -L foo|2|netlink4j ipvs: unexpected argument foo",
            "ipvs -Lq|255|netlink4j ipvs: -Lq: unknown option",
            "ipvs -t 10.0.0.1:80|255|netlink4j ipvs: no command given: the first option must be a command such as -A, -a, -L or -S",
            "ipvs -A -t|255|netlink4j ipvs: -t: missing argument"})
    void ipvsUsageErrorsAreOneLineAndAPointerToHelp(String line, int exitCode, String message) {
        Run run = Run.netlink4j(line.split(" "));
        assertEquals(exitCode, run.exitCode(), run::toString);
        assertEquals(message + "\nTry 'netlink4j ipvs --help' for more information.\n", run.err());
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"nosuch;Unmatched argument at index 0: 'nosuch'", "--nosuch ipvs;Unknown option: '--nosuch'",
            "'';Missing required subcommand", "genl;Missing required subcommand", "genl show;Missing required parameter: 'NAME'",
            "genl list --policy;Unknown option: '--policy'", "demo extra;Unmatched argument at index 1: 'extra'",
            "--netns;Missing required parameter for option '--netns' (NAME|PATH)", "link list a b;Unmatched argument at index 3: 'b'",
            "addr;Missing required subcommand", "monitor --count x;Invalid value for option '--count': 'x' is not an int",
            "monitor link address;Unmatched argument at index 2: 'address'"})
    void commandUsageErrorsPrintUsageAndExitWith2(String line, String message) {
        Run run = Run.netlink4j(line.isEmpty() ? new String[0] : line.split(" "));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(message + "\n"), run::toString);
        assertTrue(run.err().contains("Usage: netlink4j"), run::toString);
        assertNoStackTrace(run);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "monitor bogus|unknown object 'bogus' (expected: link, address, route or all)",
            "monitor link --count 0|--count 0: expected a number of events of at least 1"})
    void monitorArgumentsAreCheckedBeforeAnythingIsOpened(String line, String message) {
        assertEquals(new Run(2, "", "netlink4j monitor: " + message + "\nTry 'netlink4j monitor --help' for more information.\n"),
                Run.netlink4j(Run.concat(List.of("--netns", "no-such-namespace"), line.split(" "))));
    }

    @Test
    void help() {
        Run run = Run.netlink4j("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: netlink4j [-hV] [--sandbox] [--netns=NAME|PATH] COMMAND\n"), run::toString);
        assertTrue(run.out().contains("  ipvs  "), run::toString);
        Run ipvs = Run.netlink4j("ipvs", "-h");
        assertEquals(0, ipvs.exitCode());
        assertTrue(ipvs.out().startsWith("Usage:\n  netlink4j ipvs -A|E virtual-service"), ipvs::toString);
        assertEquals(ipvs, Run.netlink4j("ipvs", "--help"));
        Run genl = Run.netlink4j("genl", "--help");
        assertTrue(genl.out().contains("list") && genl.out().contains("show"), genl::toString);
        for (String command : List.of("link ", "addr, address ", "monitor ")) {
            assertTrue(run.out().contains("\n  " + command), run::toString);
        }
        Run monitor = Run.netlink4j("monitor", "--help");
        assertTrue(monitor.out().startsWith("Usage: netlink4j monitor [-hV] [--json] [--sandbox] [--count=N]"), monitor::toString);
    }

    @Test
    void version() {
        Run run = Run.netlink4j("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("netlink4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run::toString);
        Run ipvs = Run.netlink4j("ipvs", "-v");
        assertTrue(ipvs.out().matches("netlink4j ipvs \\S+ \\(ipvsadm v1\\.31 compatible\\)\n"), ipvs::toString);
    }

    @Test
    void missingNamespace() {
        Run run = Run.netlink4j("--netns", "no-such-namespace", "ipvs", "-Ln");
        assertEquals(2, run.exitCode());
        assertEquals("netlink4j ipvs: network namespace 'no-such-namespace' not found (no /var/run/netns/no-such-namespace)\n", run.err());
        Run path = Run.netlink4j("genl", "--netns", "/no/such/ns", "list");
        assertEquals(2, path.exitCode());
        assertEquals("netlink4j genl list: network namespace '/no/such/ns' not found (no /no/such/ns)\n", path.err());
        assertEquals(run.err(), Run.netlink4j("ipvs", "-Ln", "--netns", "no-such-namespace").err());
    }

    /** On a kernel without IPVS (like this build host's) every IPVS command says how to get it. */
    @Test
    void withoutIpvsTheMessageSaysHowToGetIt() {
        assumeFalse(hasIpvs(), "this kernel has IPVS");
        String message = "IPVS is not available in this kernel: load it with 'modprobe ip_vs' (as root), or add --sandbox"
                + " to run the command in a throwaway VM with IPVS, e.g. 'netlink4j --sandbox demo'\n";
        for (String[] args : new String[][] {{"ipvs", "-Ln"}, {"ipvs"}, {"ipvs", "-A", "-t", "10.0.0.1:80"}, {"ipvs", "-S"}}) {
            Run run = Run.netlink4j(args);
            assertEquals(new Run(2, "", "netlink4j ipvs: " + message), run);
        }
        assertEquals(new Run(2, "", "netlink4j demo: " + message), Run.netlink4j("demo"));
    }

    /** -R reads and checks its input before it opens IPVS, so syntax errors show up anywhere. */
    @Test
    void restoreInputIsCheckedFirst() {
        Run run = Run.netlink4jWithInput("-A -t 10.0.0.1:80\n\n# a comment\n-a -t 10.0.0.1:80 -r 10.1.1.2 -w 70000000000\n", "ipvs", "-R");
        assertEquals(new Run(2, "", "netlink4j ipvs: line 4: illegal weight specified\nTry 'netlink4j ipvs --help' for more information.\n"),
                run);
        Run nested = Run.netlink4jWithInput("-R\n", "ipvs", "-R");
        assertEquals(new Run(2, "", "netlink4j ipvs: line 1: -R, -h, -v and --netns cannot be used in restore input\n"
                + "Try 'netlink4j ipvs --help' for more information.\n"), nested);
    }

    @Test
    void sandboxFindsTheRepositorysKernelVm() {
        Path script = Sandbox.kernelVm();
        assertTrue(script.endsWith("scripts/kernel-vm"), script::toString);
        assertTrue(Files.isExecutable(script));
    }

    @Test
    void sandboxPassesStandardInputToCommandsThatReadIt() {
        assertTrue(Main.readsStandardInput(List.of("ipvs", "-R")));
        assertTrue(Main.readsStandardInput(List.of("--netns", "lb", "ipvs", "--restore", "-n")));
        assertFalse(Main.readsStandardInput(List.of("ipvs", "-Ln")));
        assertFalse(Main.readsStandardInput(List.of("demo")));
        assertTrue(Main.readsStandardInput(List.of("ipvs-sync")));
        assertTrue(Main.readsStandardInput(List.of("ipvs-sync", "--dry-run", "-")));
        assertTrue(Main.readsStandardInput(List.of("ipvs-sync", "--netns", "lb", "--dry-run")));
        assertFalse(Main.readsStandardInput(List.of("ipvs-sync", "/etc/ipvs.rules")));
        assertFalse(Main.readsStandardInput(List.of("ipvs-sync", "--help")));
        assertTrue(Main.readsStandardInput(List.of("--netns", "ipvs", "ipvs-sync")), "a namespace named like a command");
        assertFalse(Main.readsStandardInput(List.of("--netns", "ipvs-sync", "ipvs", "-Ln")));
        assertFalse(Main.readsStandardInput(List.of("--netns")));
        assertEquals("'/a b/it'\\''s'", Sandbox.shellQuote("/a b/it's"));
    }

    /** Boots the VM: restore input read on the host is applied inside, and the kernel's refusal of line 3 comes back. */
    @Test
    void sandboxRestoreReadsStandardInput() {
        assumeFalse(Boolean.getBoolean("netlink4j.vm.skip"), "netlink4j.vm.skip=true: no VM");
        Run run = Run.netlink4jWithInput("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.1.1.2:80 -m\n-A -t 10.0.0.1:80 -s rr\n",
                "--sandbox", "ipvs", "-R");
        assertEquals(255, run.exitCode(), run::toString);
        assertTrue(run.err().contains("line 3: ") && run.err().contains("exists"), run::toString);
    }

    static boolean hasIpvs() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            genl.getFamily("IPVS");
            return true;
        } catch (GenlFamilyNotFoundException e) {
            return false;
        }
    }
}
