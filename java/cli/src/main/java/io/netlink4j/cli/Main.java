// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import io.netlink4j.cli.demo.DemoCli;
import io.netlink4j.cli.genl.GenlCli;
import io.netlink4j.cli.ipvs.IpvsCli;
import io.netlink4j.cli.ipvs.IpvsSyncCli;
import io.netlink4j.cli.route.AddrCli;
import io.netlink4j.cli.route.LinkCli;
import io.netlink4j.cli.route.MonitorCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The {@code netlink4j} command: global options and the {@code ipvs}, {@code ipvs-sync}, {@code genl}, {@code link},
 * {@code addr}, {@code monitor} and {@code demo} subcommands. {@link #run} runs it in-process
 * (tests); {@link #main} as a program.
 */
@Command(name = "netlink4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "netlink4j command line: IPVS administration with ipvsadm's syntax, links and addresses and their"
                + " changes, and a generic netlink explorer.",
        footer = {"", "Try it without root or IPVS: netlink4j --sandbox demo"})
public final class Main {
    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Run the command as root inside a throwaway VM whose kernel has IPVS (scripts/kernel-vm);"
                    + " standard input is passed in for ipvs -R and ipvs-sync.")
    boolean sandbox;

    @Option(names = "--netns", paramLabel = "NAME|PATH", scope = ScopeType.INHERIT,
            description = "Work in this network namespace: a name from 'ip netns' or a path such as /proc/PID/ns/net.")
    String netns;

    private final Streams io;

    private Main(Streams io) {
        this.io = io;
    }

    public static void main(String[] args) {
        // The descriptor itself, not System.out, which swallows write errors: 'monitor' stops when its pipe closes.
        System.exit(run(args, System.in, new FileOutputStream(FileDescriptor.out), System.err));
    }

    /** Runs the command line {@code args} with the given streams; returns the exit code. */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
        PrintWriter outWriter = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Streams io = new Streams(in, outWriter, errWriter);
        Main main = new Main(io);
        CommandLine cl = commandLine(main);
        cl.setOut(outWriter).setErr(errWriter).setExpandAtFiles(false)
                .setExecutionStrategy(parsed -> main.execute(parsed, args))
                .setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, cmd.getErr(), cmd.getCommandSpec().qualifiedName()));
        try {
            return cl.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The command line of {@code main} with its subcommands. */
    private static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main)
                .addSubcommand(new IpvsCli(main))
                .addSubcommand(new IpvsSyncCli(main))
                .addSubcommand(new GenlCli(main))
                .addSubcommand(new LinkCli(main))
                .addSubcommand(new AddrCli(main))
                .addSubcommand(new MonitorCli(main))
                .addSubcommand(new DemoCli(main));
        cl.getSubcommands().get("ipvs").setStopAtUnmatched(true);
        // A namespace may be named like a command: --netns ipvs.
        cl.setAllowSubcommandsAsOptionParameters(true);
        return cl;
    }

    /**
     * Whether the command line {@code args} reads standard input (so that --sandbox must pass it
     * in), as the command line's own parser reads it: {@code ipvs -R}, and {@code ipvs-sync}
     * without a FILE. False for a line that does not parse: the run reports it.
     */
    static boolean readsStandardInput(List<String> args) {
        try {
            return readsStandardInput(commandLine(new Main(null)).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new)));
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    private static boolean readsStandardInput(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub == null || sub.isUsageHelpRequested() || sub.isVersionHelpRequested()) {
            return false;
        }
        Object command = sub.commandSpec().userObject();
        return command instanceof IpvsCli ipvs ? ipvs.readsStandardInput()
                : command instanceof IpvsSyncCli sync && sync.readsStandardInput();
    }

    private int execute(CommandLine.ParseResult parsed, String[] args) {
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            return helped;
        }
        if (sandbox && !Sandbox.isInside()) {
            List<String> rest = new ArrayList<>(List.of(args));
            rest.removeIf("--sandbox"::equals);
            try {
                return Sandbox.run(rest, readsStandardInput(parsed), io);
            } catch (RuntimeException e) {
                return Failures.report(e, io.err(), "netlink4j");
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The streams commands read and write. */
    public Streams io() {
        return io;
    }

    /** The --netns value, or null. */
    public String netns() {
        return netns;
    }

    /** This build's version. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /** The version for -V / --version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"netlink4j " + version()};
        }
    }
}
