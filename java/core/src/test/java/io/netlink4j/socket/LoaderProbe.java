// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The main class of the child JVMs the loader tests start. For each argument, a package prefix
 * ("-" for none, "shaded.acme_corp." for a relocated copy), it loads that copy of netlink4j's
 * shim and asks the kernel for the nlctrl family over generic netlink; then it prints which
 * netlink4j library files the process has mapped. Everything goes through reflection, so one
 * class serves relocated and unrelocated copies, alone or together. An argument
 * {@code load:<file>} instead loads that file with {@code System.load} and prints the outcome.
 * Output: one {@code <prefix> <key>=<value>} line per fact, then {@code mapped=<file>} lines.
 */
public final class LoaderProbe {
    private LoaderProbe() {}

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.startsWith("load:")) {
                // The shim's JNI_OnLoad alone: System.load of a file, and what registration made of its name.
                try {
                    System.load(arg.substring("load:".length()));
                    System.out.println(arg + "=ok");
                } catch (LinkageError e) {
                    System.out.println(arg + "=" + e);
                }
                continue;
            }
            String prefix = arg.equals("-") ? "" : arg;
            Class<?> library = Class.forName(prefix + "io.netlink4j.socket.NativeLibrary");
            boolean available = (Boolean) call(library, "isAvailable");
            System.out.println(arg + " available=" + available);
            System.out.println(arg + " libraryName=" + call(library, "libraryName"));
            if (!available) {
                Throwable cause = (Throwable) call(library, "unavailabilityCause");
                System.out.println(arg + " cause=" + cause.getMessage().replace('\n', ' '));
                continue;
            }
            Class<?> genl = Class.forName(prefix + "io.netlink4j.genl.GenericNetlink");
            try (AutoCloseable handle = (AutoCloseable) genl.getMethod("open").invoke(null)) {
                Object nlctrl = genl.getMethod("getFamily", String.class).invoke(handle, "nlctrl");
                List<?> families = (List<?>) genl.getMethod("getFamilies").invoke(handle);
                System.out.println(arg + " nlctrl=" + nlctrl.getClass().getMethod("id").invoke(nlctrl));
                System.out.println(arg + " families=" + families.size());
            }
        }
        Set<String> mapped = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.contains("netlink4j_linux_")) {
                mapped.add(line.substring(slash));
            }
        }
        mapped.forEach(m -> System.out.println("mapped=" + m));
    }

    /** Calls a static method of the loader, which is not public API (a relocated copy is in another package). */
    private static Object call(Class<?> library, String method) throws Exception {
        java.lang.reflect.Method m = library.getMethod(method);
        m.setAccessible(true);
        return m.invoke(null);
    }
}
