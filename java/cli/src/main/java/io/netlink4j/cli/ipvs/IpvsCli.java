// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.cli.Streams;
import io.netlink4j.ipvs.IpvsHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code netlink4j ipvs ARGS}: ipvsadm's command line, read by {@link IpvsadmParser} (picocli
 * hands every argument over unparsed) and carried out on the IPVS of the chosen namespace.
 */
@Command(name = "ipvs", description = "Administer IPVS with ipvsadm's options (see 'netlink4j ipvs -h').")
public final class IpvsCli implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    private final Main main;

    public IpvsCli(Main main) {
        this.main = main;
    }

    /**
     * Whether the arguments ask to restore rules from standard input ({@code -R}/{@code --restore}),
     * valid or not: an invalid line is reported by the run, which needs the input no less.
     */
    public boolean readsStandardInput() {
        return args.contains("-R") || args.contains("--restore");
    }

    @Override
    public Integer call() {
        Streams io = main.io();
        if (!args.isEmpty() && args.get(0).equals("drain")) {
            return drain(io);
        }
        // Like ipvsadm, no arguments lists the table.
        IpvsadmCommand c = IpvsadmParser.parse(args.isEmpty() ? List.of("-L") : args);
        if (c.command() == IpvsadmCommand.Command.HELP) {
            io.out().print(IpvsadmUsage.TEXT);
            return 0;
        }
        if (c.command() == IpvsadmCommand.Command.VERSION) {
            io.out().println(IpvsadmParser.PROGRAM + " " + Main.version() + " (ipvsadm v1.31 compatible)");
            return 0;
        }
        IpvsRestore restore = c.command() == IpvsadmCommand.Command.RESTORE ? IpvsRestore.read(io.in()) : null;
        String netns = c.netns() != null ? c.netns() : main.netns();
        try (IpvsHandle ipvs = IpvsHandle.open(Namespaces.options(IpvsHandle.defaultOptions(), netns))) {
            IpvsadmRunner runner = new IpvsadmRunner(ipvs, io.out());
            if (restore != null) {
                return restore.apply(ipvs, runner, io.err());
            }
            runner.run(c);
            return 0;
        }
    }

    /** {@code ipvs drain ...}: {@link IpvsDrain}. */
    private int drain(Streams io) {
        IpvsDrain.Parsed p = IpvsDrain.parse(args.subList(1, args.size()));
        if (p.help()) {
            io.out().print(IpvsDrain.USAGE);
            return 0;
        }
        String netns = p.target().netns() != null ? p.target().netns() : main.netns();
        try (IpvsHandle ipvs = IpvsHandle.open(Namespaces.options(IpvsHandle.defaultOptions(), netns))) {
            return IpvsDrain.run(ipvs, p, io.out());
        }
    }

    /**
     * Runs one ipvsadm command line on an open handle, listings going to {@code out}; for
     * commands other than -R, -h and -v.
     *
     * @throws io.netlink4j.cli.CliException for a line that is not valid
     * @throws io.netlink4j.ipvs.IpvsException when the kernel refuses it
     */
    public static void run(IpvsHandle ipvs, List<String> line, PrintWriter out) {
        new IpvsadmRunner(ipvs, out).run(IpvsadmParser.parse(line));
    }
}
