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
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static io.netlink4j.socket.ChildJvm.mapped;
import static io.netlink4j.socket.ChildJvm.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * netlink4j-core and Netty shaded by maven-shade-plugin into one jar (this module's
 * {@code shading-test} execution), relocated under {@code shaded.acme_corp.} (an underscore, which
 * the library's file name must carry escaped), loaded in child JVMs that talk to the kernel:
 * alone, next to the unrelocated jar, and from java.library.path and an explicit path.
 */
@Tag("kernel")
class ShadedJarIT {
    private static final String PREFIX = "shaded.acme_corp.";
    private static final String MANGLED = "shaded_acme_1corp_";
    private static final String NLCTRL_ID = "16";

    @TempDir
    Path tmp;

    private static Path shadedJar() {
        String jar = System.getProperty("netlink4j.shaded.jar");
        assertNotNull(jar, "netlink4j.shaded.jar is not set: run with mvn verify");
        return Path.of(jar);
    }

    private String shadedOnly() throws IOException {
        return ChildJvm.classPath(List.of(shadedJar(), ChildJvm.probeDir(tmp.resolve("probe"))));
    }

    private static String probe(String classPath, List<String> options, String... prefixes) {
        List<String> all = new ArrayList<>(options);
        all.add("-D" + PREFIX + "io.netty.leakDetection.level=paranoid");
        return ChildJvm.run(ChildJvm.probeCommand(classPath, all, prefixes));
    }

    private static void assertWorks(String out, String prefix) {
        assertEquals("true", value(out, prefix + " available"), out);
        assertEquals(NLCTRL_ID, value(out, prefix + " nlctrl"), out);
        assertTrue(Integer.parseInt(value(out, prefix + " families")) > 0, out);
    }

    @Test
    void theShadedJarHoldsOnlyRelocatedClassesAndTheLibraryUnderItsOwnName() throws IOException {
        try (JarFile jar = new JarFile(shadedJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("shaded/acme_corp/io/netlink4j/socket/Native.class"), names.toString());
            assertTrue(names.contains("shaded/acme_corp/io/netlink4j/socket/native-library.properties"), names.toString());
            assertTrue(names.contains(ChildJvm.RESOURCE), names.toString());
            assertEquals(List.of(), names.stream()
                    .filter(n -> n.endsWith(".class") && (n.startsWith("io/netlink4j/") || n.startsWith("io/netty/"))).toList());
        }
    }

    @Test
    void aRelocatedCopyExtractsItsLibraryUnderThePrefixAndTalksToTheKernel() throws IOException {
        Path workdir = tmp.resolve("work");
        String out = probe(shadedOnly(), List.of("-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir), PREFIX);
        assertWorks(out, PREFIX);
        String name = MANGLED + ChildJvm.libraryName();
        assertEquals(name, value(out, PREFIX + " libraryName"), out);
        List<String> mapped = mapped(out);
        assertEquals(1, mapped.size(), out);
        assertTrue(mapped.get(0).startsWith(workdir + "/netlink4j-"), mapped.get(0));
        assertTrue(mapped.get(0).endsWith("/lib" + name + ".so (deleted)"), mapped.get(0));
    }

    @Test
    void relocatedAndUnrelocatedCopiesWorkSideBySideInOneJvm() throws IOException {
        List<Path> cp = new ArrayList<>(List.of(shadedJar(), ChildJvm.location(NativeLibrary.class)));
        cp.addAll(ChildJvm.nettyJars());
        cp.add(ChildJvm.probeDir(tmp.resolve("probe")));
        Path workdir = tmp.resolve("work");
        String out = probe(ChildJvm.classPath(cp), List.of("-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir), "-", PREFIX);
        assertWorks(out, "-");
        assertWorks(out, PREFIX);
        // Two libraries, each registered on its own Native class.
        List<String> mapped = mapped(out);
        assertEquals(2, mapped.size(), out);
        assertEquals(1, mapped.stream().filter(m -> m.endsWith("/lib" + ChildJvm.libraryName() + ".so (deleted)")).count(), out);
        assertEquals(1, mapped.stream().filter(m -> m.endsWith("/lib" + MANGLED + ChildJvm.libraryName() + ".so (deleted)")).count(), out);
    }

    @Test
    void onTheLibraryPathARelocatedCopyTakesOnlyTheFileNamedWithItsPrefix() throws IOException {
        Path libs = Files.createDirectories(tmp.resolve("libs"));
        byte[] shim = ChildJvm.shim();
        Files.write(libs.resolve("lib" + ChildJvm.libraryName() + ".so"), shim);
        Path workdir = tmp.resolve("work");
        List<String> options = List.of("-Djava.library.path=" + libs, "-D" + NativeLibrary.WORKDIR_PROPERTY + "=" + workdir);

        String unprefixedOnly = probe(shadedOnly(), options, PREFIX);
        assertWorks(unprefixedOnly, PREFIX);
        assertEquals(1, mapped(unprefixedOnly).size(), unprefixedOnly);
        assertTrue(mapped(unprefixedOnly).get(0).startsWith(workdir + "/"), unprefixedOnly);

        Path installed = Files.write(libs.resolve("lib" + MANGLED + ChildJvm.libraryName() + ".so"), shim);
        String out = probe(shadedOnly(), options, PREFIX);
        assertWorks(out, PREFIX);
        assertEquals(List.of(installed.toString()), mapped(out), out);
    }

    @Test
    void anExplicitPathNamedWithThePrefixIsLoadedByTheRelocatedCopy() throws IOException {
        Path file = Files.write(Files.createDirectories(tmp.resolve("opt")).resolve("lib" + MANGLED + "netlink4j_linux_custom.so"),
                ChildJvm.shim());
        String out = probe(shadedOnly(), List.of("-D" + NativeLibrary.PATH_PROPERTY + "=" + file), PREFIX);
        assertWorks(out, PREFIX);
        assertEquals(List.of(file.toString()), mapped(out), out);
    }
}
