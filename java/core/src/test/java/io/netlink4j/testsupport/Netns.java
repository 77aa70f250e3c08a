// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway network namespace made with {@code ip netns add}, for tests. Deleted on close.
 * Needs root; {@link #available()} says whether this process can make one.
 */
public final class Netns implements AutoCloseable {
    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    public static boolean available() {
        boolean hasIp = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"));
        return hasIp && "root".equals(System.getProperty("user.name"));
    }

    public static Netns create(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        run("ip", "netns", "add", name);
        return new Netns(name);
    }

    public String name() {
        return name;
    }

    public Path path() {
        return Path.of("/var/run/netns", name);
    }

    /** Runs a command inside the namespace ({@code ip netns exec}); returns its standard output. */
    public String exec(String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return run(cmd.toArray(String[]::new));
    }

    /** Runs a command, fails with its output when it exits non-zero, returns standard output. */
    public static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out;
            byte[] err;
            try (var stdin = p.getOutputStream(); var stdout = p.getInputStream(); var stderr = p.getErrorStream()) {
                out = stdout.readAllBytes();
                err = stderr.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8) + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    @Override
    public void close() {
        run("ip", "netns", "del", name);
    }
}
