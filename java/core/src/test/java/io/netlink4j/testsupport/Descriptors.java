// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Counts this JVM's open file descriptors, for tests that check that nothing leaks one. */
public final class Descriptors {
    private Descriptors() {
    }

    /**
     * Descriptors of the kinds the native shim opens: sockets other than Unix-domain ones,
     * namespace files ({@code net:[...]}) and /proc/.../status (a path a namespace test has the
     * shim refuse). Counting every descriptor of the JVM would also count the jars, class files and
     * Unix sockets that the JVM's own threads open and close at any moment.
     *
     * @return how many are open now
     * @throws IOException /proc could not be read
     */
    public static int ofShimKinds() throws IOException {
        Set<String> unix = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/net/unix"))) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 7) {
                unix.add("socket:[" + cols[6] + "]");
            }
        }
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (NoSuchFileException closedMeanwhile) {
                    continue;
                }
                if (target.startsWith("socket:") && !unix.contains(target)
                        || target.startsWith("net:[")
                        || target.startsWith("/proc/") && target.endsWith("/status")) {
                    n++;
                }
            }
        }
        return n;
    }
}
