// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

/**
 * A failure to report as one line on standard error, with the process exit code to end with.
 * Usage errors also point at the command's help.
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String helpCommand;

    public CliException(String message, int exitCode) {
        this(message, exitCode, null);
    }

    /**
     * @param helpCommand the command whose {@code --help} explains the usage, e.g.
     *                    {@code "netlink4j ipvs"}; null for failures that are not usage errors
     */
    public CliException(String message, int exitCode, String helpCommand) {
        super(message);
        this.exitCode = exitCode;
        this.helpCommand = helpCommand;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The command to suggest {@code --help} of, or null. */
    public String helpCommand() {
        return helpCommand;
    }
}
