// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Command lines for the JVMs that tests start: this test JVM's own runtime, or a JDK 25 (or newer)
 * installed beside it, for checking what a user of a current JDK sees.
 */
public final class Jvm {
    /**
     * Lets code on the class path load JNI libraries without a warning (JDK 24 and later). Every
     * JDK from 17 on accepts the option.
     */
    public static final String ENABLE_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** Environment variable naming the home of a JDK 25 or later, instead of looking in {@link #JVM_DIR}. */
    public static final String JDK25_ENV = "NETLINK4J_JDK25";

    /** Where Debian, and JDK packages made for it, install JDKs. */
    public static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private Jvm() {}

    /**
     * {@code java} of this JVM's runtime with native access enabled: the start of a child JVM's
     * command line. Inside the test VM (scripts/kernel-vm, which sets {@code NETLINK4J_VM_SHARE}),
     * a child that crashes writes its hs_err file into the VM's share, where scripts/vm-test finds
     * and keeps it (see "The emulator crash" in docs/reliability.md).
     */
    public static List<String> java() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ENABLE_NATIVE_ACCESS));
        String share = System.getenv("NETLINK4J_VM_SHARE");
        if (System.getenv("NETLINK4J_VM") != null && share != null && !share.isBlank()) {
            command.add("-XX:ErrorFile=" + Path.of(share, "hs_err_pid%p.log"));
        }
        return command;
    }

    /**
     * The home of a JDK 25 or later: {@code $NETLINK4J_JDK25} when set (which must then be one),
     * else the newest one under {@code /usr/lib/jvm} (of two alike, the first by name, as
     * scripts/test picks it); empty when there is none.
     */
    public static Optional<Path> jdk25() {
        String env = System.getenv(JDK25_ENV);
        if (env != null && !env.isBlank()) {
            Path home = Path.of(env);
            int feature = featureVersion(home);
            if (feature < 25) {
                throw new IllegalStateException(JDK25_ENV + "=" + env + " is not the home of a JDK 25 or later (its release file says "
                        + (feature < 0 ? "nothing readable" : "version " + feature) + ")");
            }
            return Optional.of(home);
        }
        if (!Files.isDirectory(JVM_DIR)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(h -> !Files.isSymbolicLink(h) && featureVersion(h) >= 25
                            && Files.isExecutable(h.resolve("bin/java")))
                    .max(Comparator.comparingInt(Jvm::featureVersion).thenComparing(Comparator.<Path>reverseOrder()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + JVM_DIR, e);
        }
    }

    /** The feature version (17, 25, ...) that a JDK's {@code release} file gives, or -1. */
    public static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(release)) {
            p.load(in);
        } catch (IOException e) {
            return -1;
        }
        String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            return Runtime.Version.parse(version).feature();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
