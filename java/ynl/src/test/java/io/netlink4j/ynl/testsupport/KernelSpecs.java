// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.testsupport;

import io.netlink4j.ynl.YnlSchemas;
import io.netlink4j.ynl.YnlSpec;

import io.netlink4j.ynl.testsupport.KernelYnl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel's specs and schemas for the tests: the directory in the system property
 * {@code netlink4j.ynl.specs} (the cache of scripts/ynl-specs, set by the POM), with {@code specs/}
 * and {@code schemas/}. Missing, the tests fail, unless {@code netlink4j.ynl.specs.optional} is
 * true: then they are skipped, saying so.
 */
public final class KernelSpecs {
    private static YnlSchemas schemas;

    private KernelSpecs() {
    }

    public static Path directory() {
        return KernelYnl.specsDirectory();
    }

    public static synchronized YnlSchemas schemas() {
        if (schemas == null) {
            schemas = YnlSchemas.load(directory().resolve("schemas"));
        }
        return schemas;
    }

    public static List<Path> specFiles() {
        try (Stream<Path> files = Files.list(directory().resolve("specs"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static YnlSpec spec(String family) {
        return YnlSpec.load(directory().resolve("specs").resolve(family + ".yaml"), schemas());
    }
}
