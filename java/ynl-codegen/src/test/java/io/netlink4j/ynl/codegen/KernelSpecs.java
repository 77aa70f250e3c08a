// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.codegen;

import io.netlink4j.ynl.YnlSchemas;
import io.netlink4j.ynl.YnlSpec;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel's specs and schemas: the directory in the system property {@code netlink4j.ynl.specs}
 * (the cache of scripts/ynl-specs, set by the POM). Missing, the tests fail, unless
 * {@code netlink4j.ynl.specs.optional} is true: then they are skipped, saying so.
 */
final class KernelSpecs {
    private static YnlSchemas schemas;

    private KernelSpecs() {
    }

    static Path directory() {
        String property = System.getProperty("netlink4j.ynl.specs");
        Path dir = property == null ? null : Path.of(property);
        if (dir == null || !Files.isDirectory(dir.resolve("specs")) || !Files.isDirectory(dir.resolve("schemas"))) {
            String problem = "the kernel's netlink specs are not in " + property
                    + " (system property netlink4j.ynl.specs): run scripts/ynl-specs prepare";
            if (Boolean.getBoolean("netlink4j.ynl.specs.optional")) {
                Assumptions.abort(problem + " (skipped: netlink4j.ynl.specs.optional=true)");
            }
            throw new AssertionError(problem);
        }
        return dir;
    }

    static synchronized YnlSchemas schemas() {
        if (schemas == null) {
            schemas = YnlSchemas.load(directory().resolve("schemas"));
        }
        return schemas;
    }

    static List<Path> specFiles() {
        try (Stream<Path> files = Files.list(directory().resolve("specs"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YnlSpec spec(String family) {
        return YnlSpec.load(directory().resolve("specs").resolve(family + ".yaml"), schemas());
    }
}
