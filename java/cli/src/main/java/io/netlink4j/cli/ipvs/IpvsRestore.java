// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.NetlinkException;
import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Command;
import io.netlink4j.ipvs.IpvsBatch;
import io.netlink4j.ipvs.IpvsHandle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -R}: applies ipvsadm command lines read from standard input, such as {@code -S} writes.
 *
 * <p>Every line is parsed before anything is applied, so a syntax error changes nothing. As in
 * ipvsadm, the word {@code ipvsadm} is ignored wherever it appears; blank lines are skipped, and
 * (unlike ipvsadm) so is everything from a word starting with '#'. Table changes go to the
 * kernel in batches ({@link IpvsBatch}): thousands of lines take a few system calls. Lines a
 * batch cannot carry (listings, daemons, zeroing everything) run on their own, in order. Like
 * ipvsadm, a line the kernel refuses is reported and the rest still applies.
 */
final class IpvsRestore {
    /** A parsed line of rules and its number in the input (from 1). */
    record Line(int number, IpvsadmCommand command) {
    }

    private final List<Line> lines;

    private IpvsRestore(List<Line> lines) {
        this.lines = lines;
    }

    /** Applies the lines; returns the exit code (255 when the kernel refused a line). */
    int apply(IpvsHandle ipvs, IpvsadmRunner runner, PrintWriter err) {
        IpvsBatch batch = ipvs.batch();
        List<Integer> queued = new ArrayList<>();
        int failures = 0;
        for (Line line : lines) {
            if (queue(batch, line.command())) {
                queued.add(line.number());
                continue;
            }
            failures += apply(batch, queued, err);
            try {
                runner.run(line.command());
            } catch (CliException | NetlinkException e) {
                failures++;
                report(line.number(), e, err);
            }
        }
        failures += apply(batch, queued, err);
        return failures == 0 ? 0 : Failures.EXIT_REFUSED;
    }

    /**
     * Reads and parses every line of {@code in}.
     *
     * @throws CliException naming the line, for the first line that is not valid
     */
    static IpvsRestore read(InputStream in) {
        List<Line> lines = parse(in);
        for (Line line : lines) {
            IpvsadmCommand c = line.command();
            if (c.command() == Command.RESTORE || c.command() == Command.HELP || c.command() == Command.VERSION
                    || c.netns() != null) {
                throw new CliException("line " + line.number() + ": -R, -h, -v and --netns cannot be used in restore input",
                        Failures.EXIT_USAGE, IpvsadmParser.PROGRAM);
            }
        }
        return new IpvsRestore(lines);
    }

    /**
     * Parses every line of {@code in} as an ipvsadm command line, skipping blank lines, the word
     * {@code ipvsadm} and comments.
     *
     * @throws CliException naming the line, for the first line that is not valid
     */
    static List<Line> parse(InputStream in) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String text; (text = r.readLine()) != null; ) {
                number++;
                List<String> words = words(text);
                if (words.isEmpty()) {
                    continue;
                }
                try {
                    lines.add(new Line(number, IpvsadmParser.parse(words)));
                } catch (CliException e) {
                    throw new CliException("line " + number + ": " + e.getMessage(), e.exitCode(), e.helpCommand());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the rules", e);
        }
        return lines;
    }

    /** The words of a line (split at blanks, tabs and CRs), without "ipvsadm" and without a trailing comment. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && isBlank(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !isBlank(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            if (text.charAt(start) == '#') {
                break;
            }
            String word = text.substring(start, i);
            if (!word.equals("ipvsadm")) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** Adds {@code c} to the batch if a batch can carry it. */
    private static boolean queue(IpvsBatch batch, IpvsadmCommand c) {
        switch (c.command()) {
            case ADD_SERVICE -> batch.newService(c.service());
            case EDIT_SERVICE -> batch.updateService(c.service());
            case DEL_SERVICE -> batch.delService(c.service());
            case FLUSH -> batch.flush();
            case ADD_SERVER -> batch.newDestination(c.service(), c.destination());
            case EDIT_SERVER -> batch.updateDestination(c.service(), c.destination());
            case DELETE_SERVER -> batch.delDestination(c.service(), c.destination());
            case SET -> batch.setConfig(c.timeouts());
            case ZERO -> {
                if (c.service() == null) {
                    return false;
                }
                batch.zero(c.service());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Applies and empties the batch; reports each refused line and returns how many there were. */
    private static int apply(IpvsBatch batch, List<Integer> queued, PrintWriter err) {
        if (batch.size() == 0) {
            return 0;
        }
        IpvsBatch.Result result = batch.apply();
        int failures = 0;
        for (int i = 0; i < result.size(); i++) {
            NetlinkException failure = result.failure(i).map(IpvsBatch.Failure::exception).orElse(null);
            if (Failures.isPermission(failure)) {
                throw failure;
            }
            if (failure != null) {
                failures++;
                report(queued.get(i), failure, err);
            }
        }
        queued.clear();
        return failures;
    }

    private static void report(int line, RuntimeException failure, PrintWriter err) {
        err.println(IpvsadmParser.PROGRAM + ": line " + line + ": " + Failures.message(failure));
    }
}
