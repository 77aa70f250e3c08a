// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A command line that names its subcommand plainly runs on a model with that subcommand alone
 * (start-up); it must print and exit exactly as on the whole model, on this host's kernel.
 */
class CommandModelTest {
    static Run run(boolean wholeModel, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err, wholeModel);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"genl list", "genl list --json", "genl show nlctrl", "genl show nlctrl --policy", "genl show nosuch",
            "genl", "genl --help", "genl -V", "genl list -h", "genl show", "genl list --policy", "genl nosuch",
            "link list", "link show lo", "link list --json", "link list nosuch0", "link list a b", "link", "link -h",
            "addr list", "address show lo", "addr list --json", "addr", "address --help",
            "route", "route -h", "route add -h", "route add", "route del 10.0.0.0/33", "route replace default via x",
            "route change -4 -6 default", "--netns no-such-ns route add default dev lo",
            "--netns no-such-ns link list", "--netns=no-such-ns addr list", "--netns ipvs link list", "--netns link link list",
            "link --netns no-such-ns list", "--sandbox genl show", "--sandbox --netns x genl list --nosuch",
            "ipvs -h", "ipvs --help", "ipvs -Lq", "ipvs -A", "ipvs -t 10.0.0.1:80", "ipvs -v", "ipvs --version",
            "ipvs-sync --help", "ipvs-sync --nosuch", "ipvs-sync a b", "monitor --count x", "monitor bogus", "monitor -h",
            "monitor link --count 0", "demo extra", "demo -h", "demo -V",
            "ynl", "ynl --help", "ynl --family nlctrl --list-ops", "ynl --family nosuch --list-ops", "ynl --family nlctrl",
            "ynl --family nlctrl --do getfamily --dump getfamily", "--netns no-such-ns ynl --family nlctrl --dump getfamily",
            "nosuch", "--nosuch ipvs", "--help", "-h", "-V", "--version", "--netns", "--netns ipvs", "-- genl list"})
    void onePlainSubcommandRunsAsOnTheWholeModel(String line) {
        String[] args = line.split(" ");
        assertEquals(run(true, args), run(false, args), line);
    }

    @Test
    void commandNamedIsTheFirstWordAfterTheGlobalOptions() {
        assertEquals("genl", Main.commandNamed(new String[] {"genl", "list"}));
        assertEquals("addr", Main.commandNamed(new String[] {"--sandbox", "--netns", "addr", "address", "list"}));
        assertEquals("link", Main.commandNamed(new String[] {"--netns=x", "link"}));
        assertNull(Main.commandNamed(new String[] {"--netns", "link"}));
        assertNull(Main.commandNamed(new String[] {"-h", "genl"}));
        assertNull(Main.commandNamed(new String[] {"--", "genl"}));
        assertNull(Main.commandNamed(new String[] {"list"}));
        assertNull(Main.commandNamed(new String[0]));
    }

    /** The names the lazy model knows are the ones the commands' annotations declare, in the same order. */
    @Test
    void commandNamesAreTheAnnotations() {
        Set<String> declared = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String name : Main.COMMANDS) {
            Command c = Main.newCommand(name, null).getClass().getAnnotation(Command.class);
            names.add(c.name());
            declared.add(c.name());
            declared.addAll(List.of(c.aliases()));
            for (String alias : c.aliases()) {
                assertEquals(c.name(), Main.command(alias));
            }
            assertEquals(c.name(), Main.command(c.name()));
        }
        assertEquals(Main.COMMANDS, names);
        CommandLine model = Main.model();
        assertEquals(declared, model.getSubcommands().keySet());
        assertNull(Main.command("nosuch"));
    }
}
