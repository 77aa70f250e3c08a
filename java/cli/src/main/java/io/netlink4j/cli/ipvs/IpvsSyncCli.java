// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.NetlinkException;
import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Command;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.IpvsBatch;
import io.netlink4j.ipvs.IpvsChange;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.IpvsTable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code netlink4j ipvs-sync [--dry-run] [FILE]}: makes the IPVS table equal the rules of FILE
 * (as {@code ipvsadm -S} writes them: {@code -A} and {@code -a} lines), changing only what
 * differs, and prints each change as an ipvsadm command line.
 */
@picocli.CommandLine.Command(name = "ipvs-sync", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Make the IPVS table exactly what FILE describes, touching nothing that is already as described:",
                "services and destinations not in FILE are deleted, missing ones created, others updated where their",
                "settings differ. FILE holds -A and -a lines as 'ipvsadm -S' writes them ('-' or none: standard input);",
                "rules without any line are refused unless --allow-empty is given.",
                "Each change is printed as an ipvsadm command line. Exit status 255 when the kernel refused a change."})
public final class IpvsSyncCli implements Callable<Integer> {
    private static final String PROGRAM = "netlink4j ipvs-sync";

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The rules ('-' for standard input, the default).")
    String file = "-";

    @Option(names = "--dry-run", description = "Print the changes without making them.")
    boolean dryRun;

    @Option(names = "--allow-empty", description = "Accept rules without any service: delete every service."
            + " Without it, empty rules (say, a truncated pipe) are refused.")
    boolean allowEmpty;

    private final Main main;

    public IpvsSyncCli(Main main) {
        this.main = main;
    }

    /** Whether the parsed arguments read the rules from standard input (no FILE, or '-'). */
    public boolean readsStandardInput() {
        return file.equals("-");
    }

    @Override
    public Integer call() {
        IpvsTable desired = read();
        PrintWriter out = main.io().out();
        try (IpvsHandle ipvs = IpvsHandle.open(Namespaces.options(IpvsHandle.defaultOptions(), main.netns()))) {
            List<IpvsChange> changes = ipvs.getTable().changesTo(desired);
            IpvsadmText text = new IpvsadmText(EnumSet.of(Format.NUMERIC), true);
            if (dryRun) {
                for (IpvsChange c : changes) {
                    out.println(rule(text, c));
                }
                return 0;
            }
            IpvsBatch.Result result = ipvs.batch().addAll(changes).apply();
            int refused = 0;
            for (int i = 0; i < result.size(); i++) {
                NetlinkException failure = result.failure(i).map(IpvsBatch.Failure::exception).orElse(null);
                if (Failures.isPermission(failure)) {
                    throw failure;
                }
                if (failure == null) {
                    out.println(rule(text, changes.get(i)));
                } else {
                    refused++;
                    main.io().err().println(PROGRAM + ": " + rule(text, changes.get(i)) + ": " + Failures.message(failure));
                }
            }
            return refused == 0 ? 0 : Failures.EXIT_REFUSED;
        }
    }

    /** The desired table: FILE's -A and -a lines. */
    private IpvsTable read() {
        List<IpvsRestore.Line> lines;
        if (file.equals("-")) {
            lines = IpvsRestore.parse(main.io().in());
        } else {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                lines = IpvsRestore.parse(in);
            } catch (NoSuchFileException e) {
                throw new CliException(file + ": no such file", Failures.EXIT_FAILURE);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
        if (lines.isEmpty() && !allowEmpty) {
            throw new CliException((file.equals("-") ? "standard input" : file)
                    + ": no rules (expected: -A and -a lines; --allow-empty to delete every service)", Failures.EXIT_USAGE);
        }
        IpvsTable.Builder table = IpvsTable.builder();
        for (IpvsRestore.Line line : lines) {
            IpvsadmCommand c = line.command();
            try {
                if (c.command() == Command.ADD_SERVICE && c.netns() == null) {
                    table.add(c.service());
                } else if (c.command() == Command.ADD_SERVER && c.netns() == null) {
                    table.addDestination(c.service(), c.destination());
                } else {
                    throw new CliException("line " + line.number() + ": " + c.command().label()
                            + " (expected: -A and -a lines only, as ipvsadm -S writes them)", Failures.EXIT_USAGE);
                }
            } catch (IllegalArgumentException e) {
                throw new CliException("line " + line.number() + ": " + e.getMessage(), Failures.EXIT_USAGE);
            }
        }
        return table.build();
    }

    /** A change as an ipvsadm command line: -D/-E/-A for services, -d/-e/-a for destinations. */
    static String rule(IpvsadmText text, IpvsChange c) {
        StringBuilder sb = new StringBuilder();
        switch (c.kind()) {
            case DEL_SERVICE -> text.serviceRule(sb, "-D", c.service(), false);
            case UPDATE_SERVICE -> text.serviceRule(sb, "-E", c.service(), true);
            case NEW_SERVICE -> text.serviceRule(sb, "-A", c.service(), true);
            case DEL_DESTINATION -> text.destinationRule(sb, "-d", c.service(), c.destination().orElseThrow(), false);
            case UPDATE_DESTINATION -> destination(text, sb, "-e", c);
            case NEW_DESTINATION -> destination(text, sb, "-a", c);
        }
        return sb.toString();
    }

    private static void destination(IpvsadmText text, StringBuilder sb, String command, IpvsChange c) {
        Destination d = c.destination().orElseThrow();
        Destination previous = c.previousDestination().orElse(null);
        text.destinationRule(sb, command, c.service(), d, true);
        // -S leaves thresholds out; a change must not.
        if (d.upperThreshold() != 0 || (previous != null && previous.upperThreshold() != 0)) {
            sb.append(" -x ").append(d.upperThreshold());
        }
        if (d.lowerThreshold() != 0 || (previous != null && previous.lowerThreshold() != 0)) {
            sb.append(" -y ").append(d.lowerThreshold());
        }
    }
}
