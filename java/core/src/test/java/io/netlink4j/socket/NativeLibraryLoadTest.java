// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.netlink4j.socket.ChildJvm.mapped;
import static io.netlink4j.socket.ChildJvm.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The loader in child JVMs (it runs once per JVM) over a real netlink4j-core jar: where the shim
 * comes from, which copies on java.library.path it takes, and what it says when it cannot load.
 * A child that loads the shim also asks the kernel for the nlctrl family through it.
 */
@Tag("kernel")
class NativeLibraryLoadTest {
    /** nlctrl's fixed generic netlink id (GENL_ID_CTRL). */
    private static final String NLCTRL_ID = "16";

    @TempDir
    Path tmp;

    private String classPath(boolean withShim) throws IOException {
        Path jar = ChildJvm.coreJar(tmp.resolve(withShim ? "netlink4j-core.jar" : "netlink4j-core-noshim.jar"),
                withShim ? ChildJvm.shim() : null);
        List<Path> cp = new ArrayList<>(List.of(jar));
        cp.addAll(ChildJvm.nettyJars());
        return ChildJvm.classPath(cp);
    }

    private static String probe(String classPath, String... jvmOptions) {
        return ChildJvm.run(ChildJvm.probeCommand(classPath, List.of(jvmOptions), "-"));
    }

    private static void assertWorks(String out) {
        assertEquals("true", value(out, "- available"), out);
        assertEquals(NLCTRL_ID, value(out, "- nlctrl"), out);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** The file names the shim has had on java.library.path: unversioned, other releases, other snapshot builds. */
    private static List<String> staleNames() {
        String name = ChildJvm.libraryName();
        String stem = name.substring(0, name.indexOf('_', "netlink4j_linux_".length()));
        String tag = name.substring(stem.length() + 1);
        List<String> names = new ArrayList<>(List.of(stem, stem + "_0.0.1"));
        int snapshot = tag.indexOf("-SNAPSHOT-");
        if (snapshot >= 0) {
            String version = tag.substring(0, snapshot + "-SNAPSHOT".length());
            names.add(stem + "_" + version);
            names.add(stem + "_" + version + "-20000101000000");
        }
        return names.stream().map(n -> "lib" + n + ".so").toList();
    }

    @Test
    void theJarsCopyIsExtractedIntoTheWorkdirCreatedForItAndDeletedOnceLoaded() throws IOException {
        Path workdir = tmp.resolve("work/not/yet");
        String out = probe(classPath(true), "-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir);
        assertWorks(out);
        assertEquals(ChildJvm.libraryName(), value(out, "- libraryName"), out);
        List<String> mapped = mapped(out);
        assertEquals(1, mapped.size(), out);
        String file = mapped.get(0);
        assertTrue(file.startsWith(workdir + "/netlink4j-"), file);
        assertTrue(file.endsWith("/lib" + ChildJvm.libraryName() + ".so (deleted)"), file);
        assertEquals(List.of(), list(workdir), "left behind in the workdir");
    }

    @Test
    void aNoexecWorkdirFailsWithAMessageThatSaysWhatToDo() throws IOException {
        assumeTrue(isRoot(), "mounting a noexec file system needs root");
        Path mountPoint = Files.createDirectories(tmp.resolve("noexec"));
        Path workdir = mountPoint.resolve("work");
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o noexec,size=16m netlink4j-noexec \"$0\" && exec \"$@\"", mountPoint.toString()));
        cmd.addAll(ChildJvm.probeCommand(classPath(true), List.of("-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir), "-"));
        String out = ChildJvm.run(cmd);

        assertEquals("false", value(out, "- available"), out);
        String cause = value(out, "- cause");
        assertTrue(cause.startsWith("cannot load netlink4j's native library " + ChildJvm.RESOURCE + " in "), cause);
        assertTrue(cause.contains("failed to map segment from shared object"), cause);
        assertTrue(cause.contains(" " + workdir + " is on a file system mounted noexec, where no library can be loaded. "
                + "Set -Dnetlink4j.native.workdir to a writable directory on a file system mounted exec (now " + workdir
                + "), or install the library as lib" + ChildJvm.libraryName() + ".so in a directory on"
                + " java.library.path, or name the file with -Dnetlink4j.native.path."), cause);
    }

    @Test
    void aWorkdirThatCannotBeMadeFailsWithAMessageThatSaysWhatToDo() throws IOException {
        Path inTheWay = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Path workdir = inTheWay.resolve("work");
        String out = probe(classPath(true), "-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir);
        assertEquals("false", value(out, "- available"), out);
        String cause = value(out, "- cause");
        assertTrue(cause.startsWith("cannot extract netlink4j's native library " + ChildJvm.RESOURCE + " in "
                + tmp.resolve("netlink4j-core.jar") + " into " + workdir + ": java.nio.file.FileSystemException: "), cause);
        assertTrue(cause.endsWith(". Set -Dnetlink4j.native.workdir to a writable directory on a file system mounted exec"
                + " (now " + workdir + "), or install the library as lib" + ChildJvm.libraryName() + ".so in a"
                + " directory on java.library.path, or name the file with -Dnetlink4j.native.path."), cause);
    }

    @Test
    void staleCopiesOnTheLibraryPathAreNotLoaded() throws IOException {
        Path libs = Files.createDirectories(tmp.resolve("libs"));
        byte[] shim = ChildJvm.shim();
        for (String name : staleNames()) {
            Files.write(libs.resolve(name), shim);
        }
        Path workdir = tmp.resolve("work");
        String out = probe(classPath(true), "-Djava.library.path=" + libs, "-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir);
        assertWorks(out);
        List<String> mapped = mapped(out);
        assertEquals(1, mapped.size(), out);
        assertTrue(mapped.get(0).startsWith(workdir + "/"), mapped.get(0));
    }

    @Test
    void aCopyNamedForThisVersionOnTheLibraryPathIsUsed() throws IOException {
        Path libs = Files.createDirectories(tmp.resolve("libs"));
        byte[] shim = ChildJvm.shim();
        for (String name : staleNames()) {
            Files.write(libs.resolve(name), shim);
        }
        Path installed = Files.write(libs.resolve("lib" + ChildJvm.libraryName() + ".so"), shim);
        // As the distribution has it: the jar with its copy, and the named copy on the library path.
        String out = probe(classPath(true), "-Djava.library.path=" + libs);
        assertWorks(out);
        assertEquals(List.of(installed.toString()), mapped(out), out);
    }

    @Test
    void theExplicitPathIsLoadedAsItIs() throws IOException {
        Path file = Files.write(Files.createDirectories(tmp.resolve("opt")).resolve("libnetlink4j_linux_custom.so"), ChildJvm.shim());
        String out = probe(classPath(false), "-D" + NativeLibrary.PATH_PROPERTY + "=" + file);
        assertWorks(out);
        assertEquals(List.of(file.toString()), mapped(out), out);

        Path missing = tmp.resolve("opt/libnetlink4j_linux_missing.so");
        String failed = probe(classPath(true), "-D" + NativeLibrary.PATH_PROPERTY + "=" + missing);
        assertEquals("false", value(failed, "- available"), failed);
        String cause = value(failed, "- cause");
        assertTrue(cause.startsWith("cannot load the shim named by -Dnetlink4j.native.path=" + missing + ": "), cause);
    }

    @Test
    void anExplicitPathNamedForARelocatedCopyIsLeftToThatCopy() throws IOException {
        Path file = Files.write(Files.createDirectories(tmp.resolve("opt"))
                .resolve("libshaded_acme_1corp_netlink4j_linux_x86_64.so"), ChildJvm.shim());
        Path workdir = tmp.resolve("work");
        String out = probe(classPath(true), "-D" + NativeLibrary.PATH_PROPERTY + "=" + file,
                "-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir);
        assertWorks(out);
        List<String> mapped = mapped(out);
        assertEquals(1, mapped.size(), out);
        assertTrue(mapped.get(0).startsWith(workdir + "/"), mapped.get(0));
    }

    @Test
    void theShimRegistersOnTheClassItsFileNameNames() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("names"));
        byte[] shim = ChildJvm.shim();
        String relocated = Files.write(dir.resolve("libshaded_acme_1corp_netlink4j_linux_x86_64.so"), shim).toString();
        // The last stem ends the prefix; a segment may start with an underscore.
        String tricky = Files.write(dir.resolve("liba__11x_netlink4j_linux_aarch64_netlink4j_linux_x86_64_1.0.so"), shim).toString();
        // Not a well-formed prefix (no separator before the stem): no prefix.
        String malformed = Files.write(dir.resolve("libabc_1netlink4j_linux_x86_64.so"), shim).toString();
        String plain = Files.write(dir.resolve("shim.so"), shim).toString();
        String out = ChildJvm.run(ChildJvm.probeCommand(classPath(false), List.of(),
                "load:" + relocated, "load:" + tricky, "load:" + malformed, "load:" + plain));
        assertEquals("java.lang.NoClassDefFoundError: shaded/acme_corp/io/netlink4j/socket/Native",
                value(out, "load:" + relocated), out);
        assertEquals("java.lang.NoClassDefFoundError: a/_1x/netlink4j/linux/aarch64/io/netlink4j/socket/Native",
                value(out, "load:" + tricky), out);
        assertEquals("ok", value(out, "load:" + malformed), out);
        assertEquals("ok", value(out, "load:" + plain), out);
    }

    @Test
    void aJarWithoutTheLibraryNamesTheMissingResourceAndTheJar() throws IOException {
        String out = probe(classPath(false));
        assertEquals("false", value(out, "- available"), out);
        Path jar = tmp.resolve("netlink4j-core-noshim.jar");
        String platform = ChildJvm.RESOURCE.split("/")[2];
        // A release names its copy on the library path by its version alone; a snapshot also by the
        // digest of the jar's copy, which this jar does not have.
        String wanted = ChildJvm.libraryName().matches(".*-SNAPSHOT-[0-9a-f]+")
                ? "versioned library" : "lib" + ChildJvm.libraryName() + ".so";
        assertEquals("netlink4j's native library for " + platform + " is missing: no " + ChildJvm.RESOURCE + " in " + jar
                + " (nor elsewhere on the class path), and no " + wanted + " on"
                + " java.library.path. Use a netlink4j jar built with the " + platform + " library, install the library"
                + " on java.library.path under that name, or name the file with -Dnetlink4j.native.path.",
                value(out, "- cause"));
    }

    @Test
    void anUnsupportedArchitectureIsNamedWithTheSupportedPlatforms() throws IOException {
        String out = probe(classPath(true), "-Dos.arch=riscv64");
        assertEquals("false", value(out, "- available"), out);
        assertEquals("netlink4j has no native library for os.name=Linux, os.arch=riscv64"
                + " (supported: linux-x86_64, linux-aarch64)", value(out, "- cause"));
        assertEquals("null", value(out, "- libraryName"), out);
    }

    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[2].equals("0"); // effective uid
            }
        }
        return false;
    }
}
