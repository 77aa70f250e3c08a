// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import io.netlink4j.testsupport.Jvm;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Real jars and real child JVMs for the loader tests: the loader runs once per JVM. */
final class ChildJvm {
    /** The shim's resource in the jar on this machine (the tests run on x86-64 or aarch64 Linux). */
    static final String RESOURCE = resource(NativeLibrary.platform(System.getProperty("os.name"), System.getProperty("os.arch")));

    private ChildJvm() {}

    static String resource(String platform) {
        return "META-INF/native/" + platform + "/libnetlink4j_" + platform.replace('-', '_') + ".so";
    }

    /** The shim this JVM uses: the file named by netlink4j.native.path (the sanitizer build), else the jar's copy. */
    static byte[] shim() throws IOException {
        String explicit = System.getProperty(NativeLibrary.PATH_PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            return Files.readAllBytes(Path.of(explicit));
        }
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the test class path: build with mvn");
            }
            return in.readAllBytes();
        }
    }

    /**
     * {@link NativeLibrary#libraryName()} as a child JVM whose jar carries {@link #shim()} computes
     * it: a snapshot's name carries the digest of the library in the jar, which in the sanitizer
     * build is not the library this JVM's classes carry.
     */
    static String libraryName() {
        try {
            Path file = Files.createTempFile("netlink4j-shim-", ".so");
            try {
                Files.write(file, shim());
                Properties build = new Properties();
                try (InputStream in = NativeLibrary.class.getResourceAsStream("native-library.properties")) {
                    build.load(in);
                }
                String platform = NativeLibrary.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
                return "netlink4j_" + platform.replace('-', '_') + "_" + NativeLibrary.versionTag(build, file.toUri().toURL());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a netlink4j-core jar: this build's classes and resources, the probe, and the shim at
     * its resource path when {@code shim} is not null.
     */
    static Path coreJar(Path jar, byte[] shim) throws IOException {
        Path classes = location(NativeLibrary.class);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            if (Files.isDirectory(classes)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(classes)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    if (!name.startsWith("META-INF/native/")) {
                        put(out, name, Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile in = new JarFile(classes.toFile())) {
                    for (JarEntry e : Collections.list(in.entries())) {
                        if (!e.isDirectory() && !e.getName().startsWith("META-INF/native/")
                                && !e.getName().equals(JarFile.MANIFEST_NAME)) {
                            try (InputStream s = in.getInputStream(e)) {
                                put(out, e.getName(), s.readAllBytes());
                            }
                        }
                    }
                }
            }
            put(out, probeEntry(), probeBytes());
            if (shim != null) {
                put(out, RESOURCE, shim);
            }
        }
        return jar;
    }

    /** Writes the probe class alone under {@code dir}, for a class path of the probe and a shaded jar. */
    static Path probeDir(Path dir) throws IOException {
        Path f = dir.resolve(probeEntry());
        Files.createDirectories(f.getParent());
        Files.write(f, probeBytes());
        return dir;
    }

    private static String probeEntry() {
        return LoaderProbe.class.getName().replace('.', '/') + ".class";
    }

    private static byte[] probeBytes() throws IOException {
        try (InputStream in = LoaderProbe.class.getResourceAsStream(LoaderProbe.class.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** The jar or directory a class was loaded from. */
    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Netty's jars (netty-buffer, netty-common): the rest of netlink4j-core's class path. */
    static List<Path> nettyJars() {
        return List.of(location(ByteBuf.class), location(ReferenceCounted.class));
    }

    static String classPath(List<Path> entries) {
        return String.join(":", entries.stream().map(Path::toString).toList());
    }

    /** The command line of a JVM running the probe: {@code [java, jvmOptions..., -cp, classPath, LoaderProbe, prefixes...]}. */
    static List<String> probeCommand(String classPath, List<String> jvmOptions, String... prefixes) {
        List<String> cmd = Jvm.java();
        cmd.add("-Xmx128m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dio.netty.leakDetection.level=paranoid");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(LoaderProbe.class.getName());
        cmd.addAll(List.of(prefixes));
        return cmd;
    }

    /** Runs a command to its end; returns its standard output and error together. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("did not end: " + command);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@code key=} in the probe's output, or null. */
    static String value(String output, String key) {
        for (String line : output.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** Every {@code mapped=} file of the probe's output. */
    static List<String> mapped(String output) {
        List<String> files = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("mapped=")) {
                files.add(line.substring("mapped=".length()));
            }
        }
        return files;
    }
}
