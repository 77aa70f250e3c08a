// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import io.netlink4j.engine.NetlinkOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --netns NAME|PATH} option: a name made with {@code ip netns add}, or a path to a namespace file. */
public final class Namespaces {
    private static final Path NAMED = Path.of("/var/run/netns");

    private Namespaces() {}

    /**
     * The namespace file for {@code nameOrPath} ({@code NAME} → {@code /var/run/netns/NAME}), or
     * null for null (the caller's namespace).
     *
     * @throws CliException if it does not exist
     */
    public static Path resolve(String nameOrPath) {
        if (nameOrPath == null) {
            return null;
        }
        Path path = nameOrPath.indexOf('/') >= 0 ? Path.of(nameOrPath) : NAMED.resolve(nameOrPath);
        if (nameOrPath.isEmpty() || !Files.exists(path)) {
            throw new CliException("network namespace '" + nameOrPath + "' not found (no " + path + ")", Failures.EXIT_USAGE);
        }
        return path;
    }

    /**
     * {@code builder} in the namespace {@code netns}, or unchanged (the caller's namespace) for null.
     */
    public static NetlinkOptions.Builder in(NetlinkOptions.Builder builder, Path netns) {
        return netns == null ? builder : builder.netns(netns);
    }

    /**
     * The connection options of a command: {@code builder} (a handle's defaults) in the namespace
     * the {@code --netns} option names, or in the caller's when it is null.
     *
     * @throws CliException if that namespace does not exist
     */
    public static NetlinkOptions options(NetlinkOptions.Builder builder, String netnsOption) {
        return in(builder, resolve(netnsOption)).build();
    }
}
