// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The distribution tarball as a user gets it: extracted into a fresh directory outside the
 * checkout and run from there with its own launcher, with no NETLINK4J_HOME and a working
 * directory outside the checkout, against this host's kernel; its ipvs command in the IPVS VM.
 * Runs in the integration-test phase (after the package phase made the tarball).
 */
class DistributionIT {
    static final String VERSION = System.getProperty("netlink4j.version");
    static Path dir;
    static Path home;
    static Path cache;

    @BeforeAll
    static void extract() throws IOException {
        Path tarball = Path.of(System.getProperty("netlink4j.dist.tarball"));
        assertTrue(Files.isRegularFile(tarball), tarball + " is missing");
        dir = Files.createTempDirectory("netlink4j-dist-").toRealPath();
        assertFalse(dir.startsWith(Path.of(System.getProperty("netlink4j.root")).toRealPath()), dir::toString);
        Run tar = run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()), Map.of());
        assertEquals(0, tar.exitCode(), tar::toString);
        home = dir.resolve("netlink4j-" + VERSION);
        cache = dir.resolve("cache");
    }

    @AfterAll
    static void delete() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Runs a program in the extraction directory with this JVM's environment less NETLINK4J_HOME, plus {@code env}. */
    static Run run(List<String> command, Map<String, String> env) {
        return run(command, env, null);
    }

    /** {@link #run(List, Map)} with {@code input} (a file) on standard input, or none. */
    static Run run(List<String> command, Map<String, String> env, Path input) {
        ProcessBuilder pb = new ProcessBuilder(command).directory((dir != null ? dir : Path.of("/")).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input != null ? input.toFile() : new java.io.File("/dev/null")));
        pb.environment().remove("NETLINK4J_HOME");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> {
                try (InputStream in = p.getErrorStream()) {
                    in.transferTo(err);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            errors.start();
            byte[] out = p.getInputStream().readAllBytes();
            errors.join();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the extracted bin/netlink4j, with Netty's leak detection at paranoid and its class-data archive under the test directory. */
    static Run netlink4j(String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/netlink4j").toString()));
        command.addAll(List.of(args));
        Run run = run(command, Map.of("NETLINK4J_CACHE", cache.toString(),
                "NETLINK4J_JAVA_OPTS", "-Dio.netty.leakDetection.level=paranoid -Dio.netty.leakDetectionLevel=paranoid"));
        assertFalse(run.err().contains("LEAK"), run::toString);
        return run;
    }

    @Test
    void versionIsTheProjectVersion() {
        assertEquals(new Run(0, "netlink4j " + VERSION + "\n", ""), netlink4j("--version"));
        assertEquals(new Run(0, "netlink4j " + VERSION + "\n", ""), netlink4j("genl", "list", "-V"));
    }

    @Test
    void helpIsTheCommandLineModelsHelp() {
        Run help = netlink4j("--help");
        assertEquals(Run.netlink4j("--help"), help);
        assertTrue(help.out().startsWith("Usage: netlink4j [-hV] [--sandbox] [--netns=NAME|PATH] COMMAND\n"), help::toString);
        for (String command : Main.COMMANDS) {
            assertTrue(help.out().contains("\n  " + command + " ") || help.out().contains("\n  " + command + ","), command);
        }
        assertEquals(Run.netlink4j("ipvs", "--help"), netlink4j("ipvs", "--help"));
    }

    @Test
    void genlListListsNlctrl() {
        Run run = netlink4j("genl", "list");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("16\\s+nlctrl\\s.*")), run::toString);
        assertEquals(Run.netlink4j("genl", "list"), run);
    }

    @Test
    void linkListListsLoopback() {
        Run run = netlink4j("link", "list");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("1: lo: <LOOPBACK,"), run::toString);
        assertTrue(run.out().contains("\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"), run::toString);
    }

    @Test
    void usageErrorsAreTheModelsToo() {
        for (List<String> line : List.of(List.of("nosuch"), List.of("genl"), List.of("--netns", "ipvs"), List.of("link", "list", "a", "b"),
                List.of("ipvs", "-Lq"))) {
            String[] args = line.toArray(String[]::new);
            assertEquals(Run.netlink4j(args), netlink4j(args), line::toString);
        }
    }

    @Test
    void classDataArchiveIsMadeAndUsable() {
        assertEquals(0, netlink4j("--version").exitCode());
        try (Stream<Path> files = Files.walk(cache)) {
            List<Path> archives = files.filter(p -> p.toString().endsWith(".jsa")).toList();
            assertEquals(1, archives.size(), archives::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // -Xshare:on makes the JVM fail instead of going on without an archive it cannot map.
        Run run = run(List.of(home.resolve("bin/netlink4j").toString(), "--version"),
                Map.of("NETLINK4J_CACHE", cache.toString(), "NETLINK4J_JAVA_OPTS", "-Xshare:on"));
        assertEquals(new Run(0, "netlink4j " + VERSION + "\n", ""), run);
    }

    @Test
    void launcherRefusesAJavaBefore17() throws IOException {
        Path fake = dir.resolve("old-java");
        Files.createDirectories(fake.resolve("bin"));
        Files.writeString(fake.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = fake.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho should not run\n");
        assertTrue(java.toFile().setExecutable(true));
        Run run = run(List.of(home.resolve("bin/netlink4j").toString(), "--version"), Map.of("JAVA_HOME", fake.toString()));
        assertEquals(new Run(1, "", "netlink4j: netlink4j needs Java 17 or later, but " + java + " is Java 11.0.2:"
                + " set JAVA_HOME to a Java 17 (or later) installation\n"), run);
        Run none = run(List.of(home.resolve("bin/netlink4j").toString(), "--version"), Map.of("JAVA_HOME", dir.resolve("nothing").toString()));
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("netlink4j: JAVA_HOME is '" + dir.resolve("nothing") + "', which has no bin/java"), none::toString);
    }

    @Test
    void manPagesRenderForEveryCommand() throws IOException {
        Path man1 = home.resolve("share/man/man1");
        Set<String> pages;
        try (Stream<Path> files = Files.list(man1)) {
            pages = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = new TreeSet<>(List.of("netlink4j.1", "netlink4j-genl-list.1", "netlink4j-genl-show.1",
                "netlink4j-link-list.1", "netlink4j-addr-list.1", "netlink4j-route-list.1", "netlink4j-route-add.1", "netlink4j-route-del.1",
                "netlink4j-route-replace.1", "netlink4j-route-change.1", "netlink4j-ipvs-sysctl.1"));
        Main.COMMANDS.forEach(c -> expected.add("netlink4j-" + c + ".1"));
        assertEquals(expected, pages);
        for (String page : pages) {
            // groff: -ww all warnings, -z no output; then the text as man shows it.
            Path file = man1.resolve(page);
            assertEquals(new Run(0, "", ""), run(List.of("groff", "-man", "-ww", "-z", file.toString()), Map.of()), page);
            Run text = run(List.of("groff", "-man", "-Tutf8", "-P-cbou", file.toString()), Map.of());
            assertEquals(0, text.exitCode(), text::toString);
            String name = page.substring(0, page.length() - 2);
            assertTrue(text.out().contains("NAME\n       " + name + " - "), text::toString);
            assertTrue(text.out().contains("SYNOPSIS\n       " + name.replace('-', ' ').replace("ipvs sync", "ipvs-sync")), text::toString);
        }
        String genlList = run(List.of("groff", "-man", "-Tutf8", "-P-cbou", man1.resolve("netlink4j-genl-list.1").toString()), Map.of()).out();
        assertTrue(genlList.contains("--json"), genlList);
        assertTrue(genlList.contains("List every generic netlink family"), genlList);
    }

    @Test
    void bashCompletionCompletesCommands() {
        Path script = home.resolve("share/bash-completion/completions/netlink4j");
        assertEquals(new Run(0, "", ""), run(List.of("bash", "-n", script.toString()), Map.of()));
        assertEquals(List.of("genl"), complete(script, "netlink4j", "ge"));
        assertEquals(List.of("list", "show"), complete(script, "netlink4j", "genl", ""));
        assertEquals(List.of("ipvs", "ipvs-sync"), complete(script, "netlink4j", "ipv"));
        assertTrue(complete(script, "netlink4j", "link", "list", "--").contains("--json"));
    }

    /** What bash completes for the last of {@code words}, sorted. */
    static List<String> complete(Path script, String... words) {
        String line = String.join(" ", words);
        String program = ". \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
                + " _complete_netlink4j netlink4j \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\";"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        List<String> command = new ArrayList<>(List.of("bash", "-c", program, "bash", script.toString()));
        command.addAll(List.of(words));
        Run run = run(command, Map.of());
        assertEquals(0, run.exitCode(), () -> line + ": " + run);
        return run.out().lines().filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void sandboxNamesWhatItNeedsWhenItIsMissing() throws IOException {
        Path lacking = dir.resolve("lacking");
        Files.createDirectories(lacking);
        Run run = run(List.of(home.resolve("bin/netlink4j").toString(), "--sandbox", "ipvs", "-Ln"),
                Map.of("NETLINK4J_HOME", lacking.toString(), "NETLINK4J_CDS", "0"));
        assertEquals(new Run(2, "", "netlink4j: --sandbox: NETLINK4J_HOME=" + lacking + " has no scripts/kernel-vm (executable)"
                + " or share/netlink4j/kernel-vm (executable) (NETLINK4J_HOME must be a netlink4j source tree or installation)\n"), run);
    }

    /**
     * ipvs -Ln of the extracted tree inside the IPVS VM (which sees the extraction directory
     * through --share), the same as ipvsadm -Ln there.
     */
    @Test
    void ipvsListInTheVmIsIpvsadms() throws IOException {
        assumeFalse(Boolean.getBoolean("netlink4j.dist.vm.skip"), "netlink4j.dist.vm.skip (default: netlink4j.vm.skip) is true: no IPVS VM");
        Path share = dir.resolve("vm");
        Files.createDirectories(share);
        String script = String.join("\n",
                "set -e",
                "ip link add nl4jdist0 type dummy",
                "ip addr add 10.1.1.1/24 dev nl4jdist0",
                "ip link set nl4jdist0 up",
                "ipvsadm -A -t 10.0.0.1:80 -s wrr",
                "ipvsadm -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 3",
                "ipvsadm -A -u 10.0.0.2:53 -s rr -p 300",
                "ipvsadm -a -u 10.0.0.2:53 -r 10.1.1.3:53 -g",
                "ipvsadm -Ln > \"$1/ipvsadm.txt\"",
                "cd / && \"$2/bin/netlink4j\" ipvs -Ln > \"$1/netlink4j.txt\" 2> \"$1/netlink4j.err\"",
                "ipvsadm -C",
                "ip link del nl4jdist0",
                "");
        List<String> inner = List.of("sh", "-c", script, "sh", share.toString(), home.toString());
        List<String> command = new ArrayList<>();
        if (!"direct".equals(System.getenv("NETLINK4J_VM_MODE"))) {
            command.addAll(List.of(Path.of(System.getProperty("netlink4j.root"), "scripts/kernel-vm").toString(),
                    "run", "--share", dir.toString(), "-e", "NETLINK4J_CACHE=" + cache,
                    "-e", "NETLINK4J_JAVA_OPTS=-Dio.netty.leakDetection.level=paranoid -Dio.netty.leakDetectionLevel=paranoid", "--"));
        }
        command.addAll(inner);
        Run run = run(command, Map.of("NETLINK4J_CACHE", cache.toString()));
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.err().contains("LEAK"), run::toString);
        String expected = Files.readString(share.resolve("ipvsadm.txt"));
        assertTrue(expected.contains("TCP  10.0.0.1:80 wrr\n  -> 10.1.1.2:8080"), expected);
        assertEquals(expected, Files.readString(share.resolve("netlink4j.txt")));
        assertEquals("", Files.readString(share.resolve("netlink4j.err")));
    }

    /**
     * --sandbox of the extracted tree, with no source tree in sight: it finds the kernel-vm that
     * the tarball carries and passes standard input in (ipvs-sync reads its rules there).
     */
    @Test
    void sandboxRunsFromTheInstallation() throws IOException {
        assumeFalse(Boolean.getBoolean("netlink4j.dist.vm.skip"), "netlink4j.dist.vm.skip (default: netlink4j.vm.skip) is true: no IPVS VM");
        Path rules = dir.resolve("rules.txt");
        Files.writeString(rules, "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 127.0.0.1:8080 -m -w 2\n");
        Run run = run(List.of(home.resolve("bin/netlink4j").toString(), "--sandbox", "ipvs-sync", "--dry-run"),
                Map.of("NETLINK4J_CACHE", cache.toString()), rules);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 127.0.0.1:8080 -m -w 2\n", run.out(), run::toString);
        // kernel-vm may say that it prepares its cache (a new kernel, an initramfs); nothing else.
        assertTrue(run.err().lines().allMatch(l -> l.startsWith("kernel-vm: ")), run::toString);
    }
}
