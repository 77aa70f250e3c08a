// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.ipvs.IpvsException;
import io.netlink4j.ipvs.IpvsHandle;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns every failure into one line on standard error and an exit code, never a stack trace.
 * Exit codes follow ipvsadm where it has one: 2 for usage errors and for IPVS missing or not
 * permitted, 255 for requests the kernel refused, 1 otherwise.
 */
public final class Failures {
    /** IPVS missing or not permitted, and usage errors. */
    public static final int EXIT_USAGE = 2;
    /** The kernel refused a request (ipvsadm's -1). */
    public static final int EXIT_REFUSED = 255;
    public static final int EXIT_FAILURE = 1;

    private Failures() {}

    /** Prints {@code "<program>: <message>"} (and a pointer to --help for usage errors); returns the exit code. */
    public static int report(Throwable failure, PrintWriter err, String program) {
        err.println(program + ": " + message(failure));
        if (failure instanceof CliException c && c.helpCommand() != null) {
            err.println("Try '" + c.helpCommand() + " --help' for more information.");
        }
        err.flush();
        return exitCode(failure);
    }

    /** The failure in one line. */
    public static String message(Throwable failure) {
        if (isIpvsMissing(failure)) {
            return "IPVS is not available in this kernel: load it with 'modprobe ip_vs' (as root), or add --sandbox"
                    + " to run the command in a throwaway VM with IPVS, e.g. 'netlink4j --sandbox demo'";
        }
        if (failure instanceof IpvsException && isPermission(failure)) {
            return "permission denied: IPVS needs CAP_NET_ADMIN in the network namespace (run as root, or add --sandbox)";
        }
        if (failure instanceof NetlinkErrnoException e && isPermission(e)) {
            return "permission denied: " + e.getMessage() + " (run as root, or add --sandbox)";
        }
        if (failure instanceof CliException || failure instanceof NetlinkException
                || failure instanceof IllegalArgumentException) {
            return failure.getMessage();
        }
        if (failure instanceof UncheckedIOException e) {
            return e.getCause().getMessage();
        }
        // The JNI shim did not load (e.g. native access denied): the library's message says why.
        if (failure instanceof UnsatisfiedLinkError) {
            return failure.getMessage();
        }
        if (failure instanceof CommandLine.ExecutionException && failure.getCause() instanceof UnsatisfiedLinkError) {
            return failure.getCause().getMessage();
        }
        return "internal error: " + failure;
    }

    /** The exit code for the failure. */
    public static int exitCode(Throwable failure) {
        if (failure instanceof CliException c) {
            return c.exitCode();
        }
        if (isIpvsMissing(failure) || isPermission(failure) || failure instanceof IllegalArgumentException) {
            return EXIT_USAGE;
        }
        if (failure instanceof IpvsException) {
            return EXIT_REFUSED;
        }
        return EXIT_FAILURE;
    }

    /** Whether {@code failure} is the kernel's (or a system call's) EPERM or EACCES. */
    public static boolean isPermission(Throwable failure) {
        return failure instanceof NetlinkErrnoException e && (e.errno() == Errno.EPERM || e.errno() == Errno.EACCES);
    }

    private static boolean isIpvsMissing(Throwable failure) {
        return failure instanceof GenlFamilyNotFoundException e && e.family().equals(IpvsHandle.FAMILY_NAME);
    }
}
