// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.codegen;

import io.netlink4j.codec.MessageWriter;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator over every spec of the kernel: the sources compile with {@code -Xlint:all -Werror}
 * against the core codec alone, and have the classes the naming rules promise.
 */
class YnlJavaGeneratorTest {

    @Test
    void everySpecGeneratesSourcesThatCompileWithoutWarnings(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        List<Path> files = new ArrayList<>();
        List<Path> specs = KernelSpecs.specFiles();
        assertEquals(19, specs.size(), "specs of linux-doc-6.12");
        for (Path specFile : specs) {
            YnlSpec spec = YnlSpec.load(specFile, KernelSpecs.schemas());
            files.addAll(YnlJavaGenerator.generate(spec, "gen." + JavaNames.packageSegment(spec.name()), src));
        }
        compile(files, tmp.resolve("classes"));
        // The family client, per set a class, the support classes: netdev as an example.
        Path netdev = src.resolve("gen/netdev");
        for (String c : List.of("NetdevClient", "Dev", "PagePool", "XdpAct", "QueueType", "NetdevNotification",
                "UnknownAttribute", "Wire")) {
            assertTrue(Files.exists(netdev.resolve(c + ".java")), c);
        }
        String client = Files.readString(src.resolve("gen/rtroute/RtRouteClient.java"));
        assertTrue(client.contains("public RouteAttrsMessage getroute(RouteAttrsMessage request)"), client);
        assertTrue(client.contains("public List<RouteAttrsMessage> getrouteDump()"), client);
        assertTrue(client.contains("public void getrouteDumpEach(RouteAttrsMessage filter, Consumer<? super RouteAttrsMessage> consumer)"), client);
        assertTrue(client.contains("public void newroute(RouteAttrsMessage request, int flags)"), client);
    }

    @Test
    void writingAgainLeavesUnchangedFilesAlone(@TempDir Path tmp) throws IOException {
        YnlSpec spec = KernelSpecs.spec("netdev");
        List<Path> first = YnlJavaGenerator.generate(spec, "gen.netdev", tmp);
        Path dev = tmp.resolve("gen/netdev/Dev.java");
        Files.setLastModifiedTime(dev, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        List<Path> second = YnlJavaGenerator.generate(spec, "gen.netdev", tmp);
        assertEquals(first, second);
        assertEquals(1_000_000L, Files.getLastModifiedTime(dev).toMillis());
    }

    @Test
    void aBadPackageNameIsRefusedNamingIt() {
        YnlSpec spec = KernelSpecs.spec("netdev");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> YnlJavaGenerator.generate(spec, "com.example.1bad"));
        assertEquals("packageName: \"com.example.1bad\" (expected: a Java package name such as com.example.netdev)",
                e.getMessage());
    }

    @Test
    void namingRules() {
        assertEquals("PagePool", JavaNames.type("page-pool"));
        assertEquals("RtRoute", JavaNames.type("rt-route"));
        assertEquals("rtaDst", JavaNames.member("rta-dst"));
        assertEquals("default_", JavaNames.member("default"));
        assertEquals("_10BASET_HALF", JavaNames.constant("10baseT-half"));
        assertEquals("10BASET_HALF", JavaNames.constantName("10baseT-half"));
        assertEquals("rtroute", JavaNames.packageSegment("rt_route"));
        assertThrows(IllegalArgumentException.class, () -> JavaNames.type("--"));
    }

    private static void compile(List<Path> files, Path out) throws IOException, URISyntaxException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = Stream.of(MessageWriter.class, ByteBuf.class, ReferenceCounted.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct().collect(Collectors.joining(java.io.File.pathSeparator));
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, fm, diagnostics,
                    List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none", "-classpath", classPath,
                            "-d", out.toString(), "-implicit:none"),
                    null, fm.getJavaFileObjectsFromPaths(files)).call();
            String problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                    .limit(40)
                    .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                            + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertTrue(ok && problems.isEmpty(), problems);
        }
    }
}
