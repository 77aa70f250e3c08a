// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import io.netlink4j.cli.demo.DemoCli;
import io.netlink4j.cli.genl.GenlCli;
import io.netlink4j.cli.ipvs.IpvsCli;
import io.netlink4j.cli.ipvs.IpvsSysctlCli;
import io.netlink4j.cli.ipvs.IpvsSyncCli;
import io.netlink4j.cli.route.AddrCli;
import io.netlink4j.cli.route.LinkCli;
import io.netlink4j.cli.route.MonitorCli;
import io.netlink4j.cli.route.RouteCli;
import io.netlink4j.cli.ynl.YnlCli;
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
 * The {@code netlink4j} command: global options and the {@code ipvs}, {@code ipvs-sync}, {@code genl}, {@code ynl}, {@code link},
 * {@code addr}, {@code route}, {@code monitor} and {@code demo} subcommands. {@link #run} runs it in-process
 * (tests); {@link #main} as a program.
 */
@Command(name = "netlink4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "netlink4j command line: IPVS administration with ipvsadm's syntax, links, addresses and routes and their"
                + " changes, routes added and deleted with ip route's words, a generic netlink explorer, and any family a YNL"
                + " spec describes.",
        footer = {"", "Try it without root or IPVS: netlink4j --sandbox demo"})
public final class Main {
    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Run the command as root inside a throwaway VM whose kernel has IPVS (scripts/kernel-vm);"
                    + " standard input is passed in for ipvs -R and ipvs-sync.")
    boolean sandbox;

    @Option(names = "--netns", paramLabel = "NAME|PATH", scope = ScopeType.INHERIT,
            description = "Work in this network namespace: a name from 'ip netns' or a path such as /proc/PID/ns/net.")
    String netns;

    static {
        quietLogging();
    }

    private final Streams io;

    /**
     * SLF4J's API comes with json-schema-validator (netlink4j ynl), and Netty logs through it
     * when it is there: without a provider it warns on standard error on first use. The tool logs
     * nothing, so it names SLF4J's own no-operation provider, unless the user chose one (Netty
     * then logs through the JDK's logging, as it did before).
     */
    private static void quietLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "ERROR");
            }
        }
    }

    private Main(Streams io) {
        this.io = io;
    }

    public static void main(String[] args) {
        // The descriptor itself, not System.out, which swallows write errors: 'monitor' stops when its pipe closes.
        System.exit(run(args, System.in, new FileOutputStream(FileDescriptor.out), System.err));
    }

    /** Runs the command line {@code args} with the given streams; returns the exit code. */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
        return run(args, in, out, err, false);
    }

    /**
     * {@link #run}; with {@code wholeModel}, on the model with every subcommand however plain the
     * command is (the tests compare the two).
     */
    static int run(String[] args, InputStream in, OutputStream out, OutputStream err, boolean wholeModel) {
        PrintWriter outWriter = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Streams io = new Streams(in, outWriter, errWriter);
        Main main = new Main(io);
        CommandLine cl = commandLine(main, wholeModel ? null : commandNamed(args));
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

    /** The names of the subcommands, in the order of the usage help. */
    static final List<String> COMMANDS = List.of("ipvs", "ipvs-sync", "genl", "ynl", "link", "addr", "route", "monitor", "demo");

    /** A new instance of the subcommand named {@code name} (one of {@link #COMMANDS}). */
    static Object newCommand(String name, Main main) {
        return switch (name) {
            case "ipvs" -> new IpvsCli(main);
            case "ipvs-sync" -> new IpvsSyncCli(main);
            case "genl" -> new GenlCli(main);
            case "ynl" -> new YnlCli(main);
            case "link" -> new LinkCli(main);
            case "addr" -> new AddrCli(main);
            case "route" -> new RouteCli(main);
            case "monitor" -> new MonitorCli(main);
            case "demo" -> new DemoCli(main);
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** The subcommand that {@code word} names (its name or an alias), or null. */
    static String command(String word) {
        return "address".equals(word) ? "addr" : COMMANDS.contains(word) ? word : null;
    }

    /**
     * The subcommand that the command line {@code args} runs, when it is plain to see: the first
     * word after the global options {@code --sandbox} and {@code --netns NAME} names one. Null
     * otherwise (no command, help, an unknown word, anything unusual): then the whole command line
     * model decides, with its usage help and its messages.
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--netns")) {
                i++;
            } else if (!a.equals("--sandbox") && !a.startsWith("--netns=")) {
                return command(a);
            }
        }
        return null;
    }

    /** The whole command line model, every subcommand with it (man pages, completion), not for running. */
    static CommandLine model() {
        return commandLine(new Main(null), null);
    }

    /**
     * The command line of {@code main} with the subcommand {@code only}, or with all of them when
     * {@code only} is null. Picocli builds the model of every command it is given from its
     * annotations, which is most of a short command's start-up; a command line that runs one
     * subcommand parses and behaves the same with that subcommand alone, since nothing after a
     * subcommand's name can reach its siblings.
     */
    private static CommandLine commandLine(Main main, String only) {
        CommandLine cl = new CommandLine(main);
        for (String name : only == null ? COMMANDS : List.of(only)) {
            cl.addSubcommand(newCommand(name, main));
        }
        if (only == null || only.equals("ipvs")) {
            cl.getSubcommands().get("ipvs").setStopAtUnmatched(true);
            cl.getSubcommands().get("ipvs").addSubcommand(new IpvsSysctlCli(main));
        }
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
            String[] line = args.toArray(String[]::new);
            return readsStandardInput(commandLine(new Main(null), commandNamed(line)).setExpandAtFiles(false).parseArgs(line));
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
