// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the JNI shim. Order: the file named by the system property {@code netlink4j.native.path},
 * then {@code System.loadLibrary} (a copy on {@code java.library.path}), then the copy bundled in
 * the jar under {@code META-INF/native/<os>-<arch>/}, extracted to a private temporary directory.
 *
 * <p>Loading a library is a restricted operation from JDK 24 on (JEP 472): the JVM warns unless
 * native access is enabled for this code ({@code --enable-native-access=ALL-UNNAMED} on the class
 * path), and refuses with {@code --illegal-native-access=deny}, which a future JDK makes the
 * default. A refusal becomes the {@link #unavailabilityCause()}, naming the option to use.
 */
public final class NativeLibrary {
    /** System property naming an explicit shared library file to load. */
    public static final String PATH_PROPERTY = "netlink4j.native.path";

    private static final Throwable UNAVAILABILITY_CAUSE = load();

    private NativeLibrary() {}

    /** Whether the shim loaded; when false, {@link #unavailabilityCause()} says why. */
    public static boolean isAvailable() {
        return UNAVAILABILITY_CAUSE == null;
    }

    /** Why the shim could not be loaded, or null when it is loaded. */
    public static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    /** Throws an {@link UnsatisfiedLinkError} explaining why the shim is missing, if it is. */
    public static void ensureAvailable() {
        if (UNAVAILABILITY_CAUSE != null) {
            UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                    "netlink4j native library unavailable: " + UNAVAILABILITY_CAUSE.getMessage());
            e.initCause(UNAVAILABILITY_CAUSE);
            throw e;
        }
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64", "arm64" -> "linux-aarch64";
            default -> "linux-" + arch;
        };
    }

    private static Throwable load() {
        try {
            return loadShim();
        } catch (IllegalCallerException e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("native access is not enabled for "
                    + describe(NativeLibrary.class.getModule()) + ", so the JVM refuses to load netlink4j's JNI shim: start java with "
                    + enableOption(NativeLibrary.class.getModule()));
            error.initCause(e);
            return error;
        }
    }

    /** The java option that enables native access for {@code module}. */
    static String enableOption(Module module) {
        return "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    private static String describe(Module module) {
        return module.isNamed() ? "module " + module.getName() : "code on the class path (unnamed module)";
    }

    private static Throwable loadShim() {
        String platform = platform();
        if (platform == null) {
            return new UnsupportedOperationException("netlink exists only on Linux, not on " + System.getProperty("os.name"));
        }
        String libName = "netlink4j_" + platform.replace('-', '_');
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            try {
                System.load(Path.of(explicit).toAbsolutePath().toString());
                return null;
            } catch (IllegalCallerException e) {
                throw e;
            } catch (Throwable t) {
                return t;
            }
        }
        UnsatisfiedLinkError fromPath;
        try {
            System.loadLibrary(libName);
            return null;
        } catch (UnsatisfiedLinkError e) {
            fromPath = e;
        }
        String resource = "META-INF/native/" + platform + "/lib" + libName + ".so";
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                        "no " + resource + " in the class path and no lib" + libName + ".so on java.library.path");
                e.addSuppressed(fromPath);
                return e;
            }
            Path dir = Files.createTempDirectory("netlink4j-");
            Path file = dir.resolve("lib" + libName + ".so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try {
                System.load(file.toString());
            } finally {
                // The mapping stays valid after unlinking; nothing is left behind in /tmp.
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
            return null;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            e.addSuppressed(fromPath);
            return e;
        }
    }
}
