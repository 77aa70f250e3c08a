// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import io.netlink4j.testsupport.Jvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged command line jar, started as a user starts it ({@code java -jar netlink4j-cli.jar})
 * on a JDK 25 or later, whatever JDK runs the build: it works and prints no JVM warning. From JDK
 * 24 on, the JVM warns when code loads a JNI library without native access enabled; the jar's
 * manifest enables it (Enable-Native-Access: ALL-UNNAMED). Skipped only when no such JDK is
 * installed (see {@link Jvm#jdk25()}); scripts/test says so.
 */
class CliJarIT {
    private static Path java;
    private static Path jar;

    @BeforeAll
    static void findJdkAndJar() {
        jar = Path.of(System.getProperty("netlink4j.cli.jar", "target/netlink4j-cli.jar"));
        assertTrue(Files.isRegularFile(jar), "no command line jar at " + jar.toAbsolutePath() + " (run through Maven: mvn verify)");
        Path home = Jvm.jdk25().orElse(null);
        assumeTrue(home != null, "no JDK 25 or later under " + Jvm.JVM_DIR + " and " + Jvm.JDK25_ENV + " not set");
        java = home.resolve("bin/java");
    }

    @Test
    void versionPrintsTheVersionAndNoWarning() {
        Run run = jar("--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("netlink4j " + System.getProperty("netlink4j.version") + "\n", run.out(), run::toString);
        assertQuiet(run);
    }

    /** genl list loads the JNI shim and talks to this host's kernel: the family list, with nlctrl, and no warning. */
    @Test
    void genlListLoadsTheShimWithoutAWarning() {
        Run run = jar("genl", "list");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("ID "), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\d+\\s+nlctrl\\s.*")), run::toString);
        assertQuiet(run);
    }

    /** What a future JDK does by default (deny native access unless enabled): the jar's manifest enables it. */
    @Test
    void theJarRunsWhereNativeAccessIsDeniedByDefault() {
        Run run = java("--illegal-native-access=deny", "-jar", jar.toString(), "genl", "list");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\d+\\s+nlctrl\\s.*")), run::toString);
        assertQuiet(run);
    }

    /**
     * From the class path, where the manifest does not apply: the JVM warns (so the checks above
     * would see a warning), and where native access is denied the command says which option to
     * add instead of failing with an internal error.
     */
    @Test
    void fromTheClassPathTheJvmWarnsOrTheCommandNamesTheOption() {
        Run warned = java("-cp", jar.toString(), Main.class.getName(), "genl", "list");
        assertEquals(0, warned.exitCode(), warned::toString);
        assertTrue(warned.err().lines().anyMatch(l -> l.startsWith("WARNING: ") && l.contains("--enable-native-access=ALL-UNNAMED")),
                warned::toString);

        Run denied = java("--illegal-native-access=deny", "-cp", jar.toString(), Main.class.getName(), "genl", "list");
        assertNotEquals(0, denied.exitCode(), denied::toString);
        assertEquals("", denied.out(), denied::toString);
        assertEquals("netlink4j genl list: netlink4j native library unavailable: native access is not enabled for code on the"
                + " class path (unnamed module), so the JVM refuses to load netlink4j's JNI shim: start java with"
                + " --enable-native-access=ALL-UNNAMED\n", denied.err(), denied::toString);

        Run enabled = java(Jvm.ENABLE_NATIVE_ACCESS, "--illegal-native-access=deny", "-cp", jar.toString(), Main.class.getName(),
                "genl", "list");
        assertEquals(0, enabled.exitCode(), enabled::toString);
        assertQuiet(enabled);
    }

    private static Run jar(String... args) {
        List<String> command = new ArrayList<>(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return java(command.toArray(String[]::new));
    }

    private static Run java(String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(args));
        return Run.program("", command);
    }

    /** Nothing on standard error, and no line of either stream starts with WARNING. */
    private static void assertQuiet(Run run) {
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("WARNING")), run::toString);
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("WARNING")), run::toString);
        assertEquals("", run.err(), run::toString);
    }
}
