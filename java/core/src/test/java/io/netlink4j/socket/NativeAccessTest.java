// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import io.netlink4j.testsupport.Jvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Loading the shim under the native-access rules of JDK 24 and later (JEP 472), in a JVM of a JDK
 * 25 or later started for the purpose (whatever JDK runs the tests): enabled, it loads quietly;
 * left alone, the JVM warns and it loads; denied, {@link NativeLibrary} reports a cause naming the
 * option to add, instead of failing its class initialisation.
 */
class NativeAccessTest {
    private static Path java;

    @BeforeAll
    static void findJdk() {
        Path home = Jvm.jdk25().orElse(null);
        assumeTrue(home != null, "no JDK 25 or later under " + Jvm.JVM_DIR + " and " + Jvm.JDK25_ENV + " not set");
        java = home.resolve("bin/java");
    }

    @Test
    void enabledLoadsWithoutAWarning() {
        Result r = probe(Jvm.ENABLE_NATIVE_ACCESS, "--illegal-native-access=deny");
        assertEquals("available\n", r.out, r::toString);
        assertEquals("", r.err, r::toString);
    }

    @Test
    void leftAloneTheJvmWarnsAndTheShimLoads() {
        Result r = probe();
        assertEquals("available\n", r.out, r::toString);
        assertTrue(r.err.startsWith("WARNING: A restricted method in java.lang.System has been called\n"), r::toString);
    }

    @Test
    void deniedTheCauseNamesTheOption() {
        Result r = probe("--illegal-native-access=deny");
        assertEquals("unavailable: java.lang.UnsatisfiedLinkError: native access is not enabled for code on the class path"
                + " (unnamed module), so the JVM refuses to load netlink4j's JNI shim: start java with"
                + " --enable-native-access=ALL-UNNAMED (caused by java.lang.IllegalCallerException)\n", r.out, r::toString);
        assertEquals("", r.err, r::toString);
    }

    /** Runs {@link Probe} on the JDK 25 with {@code options} and this test's class path. */
    private static Result probe(String... options) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            errors.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            errors.join();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe still running: " + command);
            Result r = new Result(command, p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
            assertEquals(0, r.exit, r::toString);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Result(List<String> command, int exit, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** Prints whether the shim loaded, and if not, why. */
    public static final class Probe {
        public static void main(String[] args) {
            if (NativeLibrary.isAvailable()) {
                System.out.println("available");
            } else {
                Throwable cause = NativeLibrary.unavailabilityCause();
                System.out.println("unavailable: " + cause
                        + (cause.getCause() != null ? " (caused by " + cause.getCause().getClass().getName() + ")" : ""));
            }
        }
    }
}
