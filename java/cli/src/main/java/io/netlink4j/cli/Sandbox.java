// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --sandbox}: runs the same command again, as root, inside the throwaway VM of
 * {@code kernel-vm}, whose kernel has IPVS: the repository's {@code scripts/kernel-vm}, or the
 * copy that the distribution carries as {@code share/netlink4j/kernel-vm}. The VM sees the host's
 * files read-only (except /tmp and a few others, which it replaces; the working directory stays
 * visible, so the command runs from the repository's or the installation's root), so this JVM's
 * class path works there unchanged. Commands that read standard input ({@code ipvs -R}) get this
 * process's standard input, read to its end and passed in as a file in a directory shared with
 * the VM; others run with none.
 */
final class Sandbox {
    /** Where kernel-vm (and beside it vm/init) lies: in a source tree, in an installation. */
    static final List<String> SCRIPTS = List.of("scripts/kernel-vm", "share/netlink4j/kernel-vm");

    /** System properties the command inside gets from this one when set (the launcher's start-up settings). */
    private static final List<String> PASSED_PROPERTIES = List.of("java.library.path", "io.netty.jfr.enabled",
            "io.netty.allocator.type");

    private Sandbox() {}

    /** Whether this process already runs inside the VM (where --sandbox has nothing left to do). */
    static boolean isInside() {
        return "1".equals(System.getenv("NETLINK4J_VM"));
    }

    /**
     * Runs {@code args} (without --sandbox) in the VM, copying its output to {@code io}; returns
     * its exit code. With {@code passInput}, this process's standard input is passed in.
     */
    static int run(List<String> args, boolean passInput, Streams io) {
        Path script = kernelVm();
        Path root = home(script);
        List<String> command = new ArrayList<>(List.of(script.toString(), "run"));
        Path input = null;
        try {
            if (passInput) {
                input = passInput(io.in());
                command.addAll(List.of("--share", input.getParent().toString(), "--",
                        "sh", "-c", "exec \"$@\" < " + shellQuote(input.toString()), "sh"));
            } else {
                command.add("--");
            }
            // The manifest's Enable-Native-Access applies to java -jar only: name it here (JDK 17+ accept it).
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            for (String property : PASSED_PROPERTIES) {
                String value = System.getProperty(property);
                if (value != null) {
                    command.add("-D" + property + "=" + value);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            Thread errors = new Thread(() -> copy(p.getErrorStream(), io.err()), "sandbox-stderr");
            errors.start();
            copy(p.getInputStream(), io.out());
            errors.join();
            return p.waitFor();
        } catch (IOException e) {
            throw new CliException("cannot run " + script + ": " + e.getMessage(), Failures.EXIT_FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while the sandbox VM ran", Failures.EXIT_FAILURE);
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                    Files.deleteIfExists(input.getParent());
                } catch (IOException e) {
                    io.err().println("netlink4j: could not delete " + input + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * Copies {@code in} to a file in a new temporary directory, which the VM mounts at the same
     * path (it has a /tmp of its own).
     */
    private static Path passInput(InputStream in) throws IOException {
        Path dir = Files.createTempDirectory("netlink4j-sandbox-");
        Path file = dir.resolve("stdin");
        try {
            Files.write(file, in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            throw e;
        }
        return file;
    }

    /** The source tree or installation that {@code script} (one of {@link #SCRIPTS}) belongs to. */
    static Path home(Path script) {
        for (String s : SCRIPTS) {
            if (script.endsWith(s)) {
                Path dir = script;
                for (int i = Path.of(s).getNameCount(); i > 0; i--) {
                    dir = dir.getParent();
                }
                return dir;
            }
        }
        throw new IllegalArgumentException("not a kernel-vm script: " + script);
    }

    /** {@code text} as one single-quoted shell word. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * The kernel-vm script: in $NETLINK4J_HOME (a source tree or an installation), else in the
     * nearest directory above this program's jar (or classes) that has one.
     */
    static Path kernelVm() {
        String home = System.getenv("NETLINK4J_HOME");
        if (home != null && !home.isEmpty()) {
            Path script = find(Path.of(home));
            if (script != null) {
                return script;
            }
            throw new CliException("--sandbox: NETLINK4J_HOME=" + home + " has no " + missing(Path.of(home))
                    + " (NETLINK4J_HOME must be a netlink4j source tree or installation)", Failures.EXIT_USAGE);
        }
        Path start = null;
        try {
            start = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path script = find(dir);
                if (script != null) {
                    return script;
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Fall through to the message below.
        }
        throw new CliException("--sandbox needs kernel-vm and vm/init, in a netlink4j source tree (scripts/) or installation"
                + " (share/netlink4j/), and found neither above " + (start == null ? "this program" : start)
                + ": install the netlink4j distribution whole, or set NETLINK4J_HOME to a source tree or installation",
                Failures.EXIT_USAGE);
    }

    /** The kernel-vm script of the source tree or installation {@code dir}, with its vm/init, or null. */
    private static Path find(Path dir) {
        for (String s : SCRIPTS) {
            Path script = dir.resolve(s);
            if (Files.isExecutable(script) && Files.isRegularFile(script.resolveSibling("vm").resolve("init"))) {
                return script;
            }
        }
        return null;
    }

    /** What {@code dir} lacks of each layout, for the error message. */
    private static String missing(Path dir) {
        List<String> lacks = new ArrayList<>();
        for (String s : SCRIPTS) {
            Path script = Path.of(s);
            String init = script.resolveSibling("vm").resolve("init").toString();
            lacks.add(!Files.isExecutable(dir.resolve(script)) ? s + " (executable)" : init);
        }
        return String.join(" or ", lacks);
    }

    private static void copy(InputStream from, PrintWriter to) {
        try (Reader r = new InputStreamReader(from, StandardCharsets.UTF_8)) {
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) >= 0; ) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            to.println("netlink4j: lost the sandbox's output: " + e.getMessage());
        }
    }
}
