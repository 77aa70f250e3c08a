// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the command line's documentation from its own picocli model, for the distribution:
 * one AsciiDoc man page source per command (picocli-codegen's {@code ManPageGenerator}, which
 * must be on the class path; asciidoctor's manpage backend turns them into man pages) and the
 * bash completion script (picocli's {@code AutoComplete}).
 *
 * <pre>java -cp netlink4j-cli.jar:picocli-codegen.jar io.netlink4j.cli.Docs MAN_SOURCE_DIR COMPLETION_FILE</pre>
 */
public final class Docs {
    private static final String MAN_PAGE_GENERATOR = "picocli.codegen.docgen.manpage.ManPageGenerator";

    private Docs() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: " + Docs.class.getName() + " MAN_SOURCE_DIR COMPLETION_FILE");
            System.exit(2);
        }
        CommandLine model = Main.model();
        Path completion = Path.of(args[1]);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash("netlink4j", model), StandardCharsets.UTF_8);

        Class<?> generator;
        try {
            generator = Class.forName(MAN_PAGE_GENERATOR);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(MAN_PAGE_GENERATOR + " is not on the class path: add info.picocli:picocli-codegen", e);
        }
        int status;
        try {
            status = (Integer) generator.getMethod("generateManPage", File.class, File.class, boolean[].class, boolean.class, CommandSpec[].class)
                    .invoke(null, new File(args[0]), null, new boolean[0], false, new CommandSpec[] {model.getCommandSpec()});
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (status != CommandLine.ExitCode.OK) {
            System.err.println(MAN_PAGE_GENERATOR + " failed with status " + status);
            System.exit(1);
        }
    }
}
