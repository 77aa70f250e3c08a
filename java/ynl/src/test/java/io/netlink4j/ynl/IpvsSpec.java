// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This project's own spec of the IPVS family, {@code java/ynl/specs/ipvs.yaml}, for the tests (which
 * run in the module's directory, on the host and in the test VM), and where the kernel's schemas
 * and tools are. In the VM no system properties are passed: the locations default to the cache
 * of scripts/ynl-specs in the home directory, which the VM sees as the host does.
 */
final class IpvsSpec {
    private static YnlSpec spec;

    private IpvsSpec() {
    }

    static {
        Path cache = Path.of(System.getenv().getOrDefault("NETLINK4J_YNL_CACHE",
                System.getProperty("user.home") + "/.cache/netlink4j-ynl"));
        if (System.getProperty("netlink4j.ynl.specs") == null) {
            System.setProperty("netlink4j.ynl.specs", cache.resolve("current").toString());
        }
        if (System.getProperty("netlink4j.ynl.tools") == null) {
            System.setProperty("netlink4j.ynl.tools", cache.resolve("tools/ynl").toString());
        }
    }

    /** The spec file, absolute. */
    static Path file() {
        Path f = Path.of("specs", "ipvs.yaml").toAbsolutePath();
        if (!Files.isRegularFile(f)) {
            throw new AssertionError("no " + f + ": the tests run in java/ynl");
        }
        return f;
    }

    /** The kernel's genetlink-legacy schema. */
    static Path schema() {
        return KernelSpecs.directory().resolve("schemas").resolve("genetlink-legacy.yaml");
    }

    /** The kernel's tools/net/ynl (cli.py). */
    static Path tools() {
        Path dir = Path.of(System.getProperty("netlink4j.ynl.tools"));
        if (!Files.isReadable(dir.resolve("cli.py"))) {
            throw new AssertionError("the kernel's YNL tools (cli.py) are not in " + dir
                    + " (system property netlink4j.ynl.tools): run scripts/ynl-specs prepare");
        }
        return dir;
    }

    /** The spec, loaded and validated against the kernel's schema. */
    static synchronized YnlSpec spec() {
        if (spec == null) {
            spec = YnlSpec.load(file(), KernelSpecs.schemas());
        }
        return spec;
    }
}
