// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.ipvs.DrainOptions;
import io.netlink4j.ipvs.DrainProgress;
import io.netlink4j.ipvs.DrainResult;
import io.netlink4j.ipvs.IpvsHandle;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code netlink4j ipvs drain -t|-u|--sctp-service VIP:PORT | -f MARK -r RIP[:PORT] [--timeout S]
 * [--interval S] [--threshold N] [--force] [--netns NS]}: sets the real server's weight to 0,
 * waits until its active connections are at most the threshold and deletes it
 * ({@link IpvsHandle#drainDestination}).
 *
 * <p>Prints the destination as an ipvsadm rule, then a line each time its connection counts
 * change (not per look, so the output depends on the connections alone), then the outcome.
 * Exit status 0 when the destination is gone (drained, forced or removed meanwhile), 1 when the
 * timeout expired and it was kept with weight 0, 2 for usage errors.
 */
final class IpvsDrain {
    static final String USAGE = """
            Usage: netlink4j ipvs drain -t|-u|--sctp-service VIP:PORT | -f MARK -r RIP[:PORT]
                                        [--timeout SECONDS] [--interval SECONDS] [--threshold N] [--force]
            Sets the real server's weight to 0, waits until it has at most N (default 0) active
            connections, then deletes it. --timeout (default 300, at most 604800): how long to wait;
            when it expires the server is kept with weight 0 (exit status 1) unless --force deletes
            it anyway. --interval (default 1, 0.01-3600): seconds between looks. A line is printed
            each time the server's active/inactive connection counts change.
            """;
    static final int EXIT_TIMED_OUT = 1;
    private static final int EXIT_USAGE = 2;

    private IpvsDrain() {
    }

    /** The parsed command: the service and destination (from ipvsadm's options) and the drain options. */
    record Parsed(IpvsadmCommand target, DrainOptions options, boolean help) {
    }

    static Parsed parse(List<String> args) {
        DrainOptions.Builder options = DrainOptions.builder();
        List<String> rest = new ArrayList<>(List.of("-d"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (name) {
                case "-h", "--help" -> {
                    return new Parsed(null, null, true);
                }
                case "--force" -> options.force(true);
                case "--timeout", "--interval", "--threshold" -> {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size()) {
                            throw usage(name + " needs a value");
                        }
                        v = args.get(++i);
                    }
                    try {
                        switch (name) {
                            case "--timeout" -> options.timeout(seconds(name, v));
                            case "--interval" -> options.interval(seconds(name, v));
                            default -> options.threshold(number(name, v));
                        }
                    } catch (IllegalArgumentException e) {
                        throw usage(e.getMessage());
                    }
                }
                case "-t", "--tcp-service", "-u", "--udp-service", "--sctp-service", "-f", "--fwmark-service", "-r",
                     "--real-server", "--netns" -> {
                    rest.add(a);
                    if (inline == null && i + 1 < args.size()) {
                        rest.add(args.get(++i));
                    }
                }
                default -> {
                    if (a.matches("-[tufr].+")) {
                        rest.add(a);
                    } else {
                        throw usage("unexpected argument " + a + " (expected: -t|-u|--sctp-service|-f, -r, --timeout,"
                                + " --interval, --threshold, --force, --netns)");
                    }
                }
            }
        }
        boolean service = rest.stream().anyMatch(a -> a.matches("-[tuf].*|--(tcp|udp|sctp|fwmark)-service.*"));
        boolean server = rest.stream().anyMatch(a -> a.matches("-r.*|--real-server.*"));
        if (!service || !server) {
            throw usage("drain needs a service (-t, -u, --sctp-service or -f) and a real server (-r)");
        }
        IpvsadmCommand target = IpvsadmParser.parse(rest);
        return new Parsed(target, options.build(), false);
    }

    private static Duration seconds(String option, String text) {
        BigDecimal s;
        try {
            s = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": " + text + " (expected: a number of seconds)");
        }
        if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(DrainOptions.MAX_TIMEOUT.toSeconds())) > 0) {
            throw new IllegalArgumentException(option + ": " + text + " (expected: 0-" + DrainOptions.MAX_TIMEOUT.toSeconds() + ")");
        }
        return Duration.ofNanos(s.movePointRight(9).longValue());
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": " + text + " (expected: 0-" + Long.MAX_VALUE + ")");
        }
    }

    private static CliException usage(String message) {
        return new CliException(message, EXIT_USAGE, IpvsadmParser.PROGRAM + " drain");
    }

    /** Drains as parsed, printing to {@code out}; the exit status. */
    static int run(IpvsHandle ipvs, Parsed p, PrintWriter out) {
        IpvsadmText text = new IpvsadmText(EnumSet.of(Format.NUMERIC), true);
        StringBuilder rule = new StringBuilder();
        text.destinationRule(rule, "-d", p.target().service(), p.target().destination(), false);
        out.println("draining " + rule.substring(3) + " (weight 0; timeout " + p.options().timeout().toMillis() / 1000.0
                + " s, threshold " + p.options().threshold() + (p.options().force() ? ", force" : "") + ")");
        out.flush();
        long[] previous = {-1, -1};
        DrainResult result = ipvs.drainDestination(p.target().service(), p.target().destination(), p.options(), (DrainProgress pr) -> {
            if (pr.activeConnections() != previous[0] || pr.inactiveConnections() != previous[1]) {
                previous[0] = pr.activeConnections();
                previous[1] = pr.inactiveConnections();
                out.println("ActiveConn " + pr.activeConnections() + " InActConn " + pr.inactiveConnections());
                out.flush();
            }
        });
        String left = result.activeConnections() + " active, " + result.inactiveConnections() + " inactive connections";
        switch (result.outcome()) {
            case DRAINED -> out.println("drained: removed with " + left);
            case FORCED -> out.println("timed out: removed anyway (--force) with " + left);
            case GONE -> out.println("gone: removed while draining");
            case TIMED_OUT -> out.println("timed out: kept with weight 0 and " + left);
        }
        out.flush();
        return result.outcome() == DrainResult.Outcome.TIMED_OUT ? EXIT_TIMED_OUT : 0;
    }
}
