// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Where a command reads and writes: the process's standard streams when run from the command
 * line, or buffers when a test runs the tool in-process.
 */
public record Streams(InputStream in, PrintWriter out, PrintWriter err) {
}
