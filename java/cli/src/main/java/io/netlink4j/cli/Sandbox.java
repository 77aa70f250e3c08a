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
 * {@code --sandbox}: runs the same command again, as root, inside the throwaway VM of the
 * repository's {@code scripts/kernel-vm}, whose kernel has IPVS. The VM sees the host's files
 * read-only (except /tmp and a few others, which it replaces; the working directory stays
 * visible, so the command runs from the repository root), so this JVM's class path works there
 * unchanged. Commands that read standard input ({@code ipvs -R}) get this process's standard
 * input, read to its end and passed in as a file; others run with none.
 */
final class Sandbox {
    private static final String SCRIPT = "scripts/kernel-vm";

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
        Path root = script.getParent().getParent();
        List<String> command = new ArrayList<>(List.of(script.toString(), "run", "--"));
        Path input = null;
        try {
            if (passInput) {
                input = passInput(root, io.in());
                command.addAll(List.of("sh", "-c", "exec \"$@\" < " + shellQuote(input.toString()), "sh"));
            }
            // The manifest's Enable-Native-Access applies to java -jar only: name it here (JDK 17+ accept it).
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
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
                } catch (IOException e) {
                    io.err().println("netlink4j: could not delete " + input + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * Copies {@code in} to a file the VM can read: under the repository's target/sandbox (the VM
     * sees the host's files, but has its own /tmp).
     */
    private static Path passInput(Path root, java.io.InputStream in) throws IOException {
        Path dir = Files.createDirectories(root.resolve("target").resolve("sandbox"));
        Path file = Files.createTempFile(dir, "stdin-", ".txt");
        try {
            Files.write(file, in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** {@code text} as one single-quoted shell word. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * The repository's kernel-vm script: under $NETLINK4J_HOME, else in the nearest directory
     * above this program's jar (or classes) that has one.
     */
    static Path kernelVm() {
        String home = System.getenv("NETLINK4J_HOME");
        if (home != null && !home.isEmpty()) {
            Path script = Path.of(home, SCRIPT);
            if (Files.isExecutable(script)) {
                return script;
            }
            throw new CliException("--sandbox: " + script + " not found or not executable (NETLINK4J_HOME=" + home + ")",
                    Failures.EXIT_USAGE);
        }
        try {
            Path dir = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (; dir != null; dir = dir.getParent()) {
                if (Files.isExecutable(dir.resolve(SCRIPT))) {
                    return dir.resolve(SCRIPT);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // Fall through to the message below.
        }
        throw new CliException("--sandbox needs the netlink4j source tree's " + SCRIPT
                + ": run bin/netlink4j from the repository, or set NETLINK4J_HOME to it", Failures.EXIT_USAGE);
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
