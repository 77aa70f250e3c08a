// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.maven;

import io.netlink4j.ynl.YnlSchemas;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.YnlSpecException;
import io.netlink4j.ynl.codegen.JavaNames;
import io.netlink4j.ynl.codegen.YnlJavaGenerator;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Generates a typed Java client for each YNL spec given and adds the output directory to the
 * project's compile source roots.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.netlink4j</groupId>
 *   <artifactId>netlink4j-ynl-maven-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <goals><goal>generate</goal></goals>
 *       <configuration>
 *         <specs><spec>src/main/ynl/netdev.yaml</spec></specs>
 *         <schemas>src/main/ynl/schemas</schemas>
 *         <packageName>com.example.{family}</packageName>
 *       </configuration>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class YnlGenerateMojo extends AbstractMojo {
    /** The placeholder in {@link #packageName} for a family's package segment ({@code rt-route} &rarr; {@code rtroute}). */
    static final String FAMILY = "{family}";

    /** The spec files (YAML), one client each. */
    @Parameter(required = true)
    List<File> specs;

    /**
     * The directory holding the format's schemas ({@code genetlink.yaml}, {@code genetlink-c.yaml},
     * {@code genetlink-legacy.yaml}, {@code netlink-raw.yaml}), against which each spec is validated.
     */
    @Parameter(required = true)
    File schemas;

    /**
     * The package of the generated classes; {@code {family}} in it stands for the family's name
     * (required with more than one spec, so that each family has a package of its own).
     */
    @Parameter(required = true)
    String packageName;

    /** Where the sources are written; added to the compile source roots. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/ynl", required = true)
    File outputDirectory;

    /** Skips the generation. */
    @Parameter(property = "netlink4j.ynl.generate.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** A mojo for Maven to configure. */
    public YnlGenerateMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("YNL generation skipped");
            return;
        }
        if (specs == null || specs.isEmpty()) {
            throw new MojoFailureException("specs: none given (expected: one or more YNL spec files)");
        }
        if (specs.size() > 1 && !packageName.contains(FAMILY)) {
            throw new MojoFailureException("packageName: " + packageName + " (expected: a package name containing "
                    + FAMILY + " when more than one spec is given, e.g. com.example." + FAMILY + ")");
        }
        if (!Files.isDirectory(schemas.toPath())) {
            throw new MojoFailureException("schemas: " + schemas + " is not a directory (expected: the directory of "
                    + "the format's schemas, genetlink.yaml, genetlink-c.yaml, genetlink-legacy.yaml, netlink-raw.yaml)");
        }
        YnlSchemas loaded;
        try {
            loaded = YnlSchemas.load(schemas.toPath());
        } catch (RuntimeException e) {
            throw new MojoFailureException("schemas: " + e.getMessage(), e);
        }
        for (File spec : specs) {
            if (!Files.isRegularFile(spec.toPath())) {
                throw new MojoFailureException("specs: " + spec + " is not a file");
            }
            YnlSpec parsed;
            try {
                parsed = YnlSpec.load(spec.toPath(), loaded);
            } catch (YnlSpecException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            String pkg = packageName.replace(FAMILY, JavaNames.packageSegment(parsed.name()));
            try {
                int n = YnlJavaGenerator.generate(parsed, pkg, outputDirectory.toPath()).size();
                getLog().info("YNL " + parsed.name() + ": " + n + " sources in " + pkg);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(spec + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        project.addCompileSourceRoot(outputDirectory.getPath());
    }
}
