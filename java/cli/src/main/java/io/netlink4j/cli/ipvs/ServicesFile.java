// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Port names from {@code /etc/services}, as {@code getservbyname} and {@code getservbyport} find
 * them: per protocol, the first entry of a port or name wins.
 */
final class ServicesFile {
    private static final Path SYSTEM_FILE = Path.of("/etc/services");

    /** "tcp/80" → "http". */
    private final Map<String, String> names = new HashMap<>();
    /** "tcp/http" (official names and aliases) → 80. */
    private final Map<String, Integer> ports = new HashMap<>();

    ServicesFile(List<String> lines) {
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            int slash = fields[1].indexOf('/');
            if (slash <= 0) {
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(fields[1].substring(0, slash));
            } catch (NumberFormatException e) {
                continue;
            }
            String proto = fields[1].substring(slash + 1);
            names.putIfAbsent(proto + "/" + port, fields[0]);
            ports.putIfAbsent(proto + "/" + fields[0], port);
            for (int i = 2; i < fields.length; i++) {
                ports.putIfAbsent(proto + "/" + fields[i], port);
            }
        }
    }

    /** The system's file, read once; empty when it cannot be read. */
    static ServicesFile system() {
        return SystemHolder.INSTANCE;
    }

    /** The name of {@code port} for {@code proto} ("tcp", "udp", "sctp"), or null. */
    String name(int port, String proto) {
        return names.get(proto + "/" + port);
    }

    /** The port called {@code name} for {@code proto}, or -1. */
    int port(String name, String proto) {
        Integer port = ports.get(proto + "/" + name);
        return port == null ? -1 : port;
    }

    private static final class SystemHolder {
        static final ServicesFile INSTANCE = load();

        private static ServicesFile load() {
            try {
                return new ServicesFile(Files.readAllLines(SYSTEM_FILE, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return new ServicesFile(List.of());
            }
        }
    }
}
