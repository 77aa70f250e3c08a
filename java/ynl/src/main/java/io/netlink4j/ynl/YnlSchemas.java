// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kernel's schemas of the spec format, one per protocol level ({@code genetlink.yaml},
 * {@code genetlink-c.yaml}, {@code genetlink-legacy.yaml}, {@code netlink-raw.yaml}, as in the
 * kernel's {@code Documentation/netlink/}), compiled once and used to validate specs. They are
 * JSON Schema (draft 07) written in YAML, and are read as such: their {@code $schema} is taken to
 * be draft 07 and nothing is fetched from the network.
 */
public final class YnlSchemas {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Map<YnlProtocol, Schema> schemas;
    private final Path directory;

    private YnlSchemas(Path directory, Map<YnlProtocol, Schema> schemas) {
        this.directory = directory;
        this.schemas = schemas;
    }

    /**
     * Reads the four schemas from {@code directory} ({@code <level>.yaml} each).
     *
     * @throws UncheckedIOException     if one cannot be read (a missing one is named)
     * @throws YnlSpecException         if one is not valid YAML
     */
    public static YnlSchemas load(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return load(directory, directory.toString(), name -> {
            Path file = directory.resolve(name);
            try {
                return Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new UncheckedIOException("no schema " + name + " in " + directory
                        + " (expected: genetlink.yaml, genetlink-c.yaml, genetlink-legacy.yaml, netlink-raw.yaml)", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The schemas on the class path, as the {@code netlink4j-ynl-specs} artifact carries them
     * ({@code netlink4j/ynl/schemas/<level>.yaml}), read and compiled once.
     *
     * @throws IllegalStateException if they are not on the class path (add
     *                               {@code io.netlink4j:netlink4j-ynl-specs})
     */
    public static YnlSchemas bundled() {
        return Bundled.SCHEMAS;
    }

    private static final class Bundled {
        static final YnlSchemas SCHEMAS = load(null, "classpath:" + YnlSpecs.SCHEMAS,
                name -> YnlSpecs.resource(YnlSpecs.SCHEMAS + name));
    }

    private static YnlSchemas load(Path directory, String where, java.util.function.Function<String, String> reader) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Map<YnlProtocol, Schema> schemas = new EnumMap<>(YnlProtocol.class);
        for (YnlProtocol p : YnlProtocol.values()) {
            String name = p.specName() + ".yaml";
            String text = reader.apply(name);
            // The schemas repeat keys in places (if/then); YAML readers used with them keep the last.
            YamlTree tree = YamlTree.parse(directory != null ? directory.resolve(name).toString() : where + name, text, true);
            JsonNode node = MAPPER.valueToTree(tree.root);
            if (node instanceof ObjectNode o) {
                o.remove("$schema");
            }
            schemas.put(p, registry.getSchema(node));
        }
        return new YnlSchemas(directory, schemas);
    }

    /**
     * The directory the schemas were read from.
     *
     * @return the directory; empty for the schemas on the class path ({@link #bundled()})
     */
    public java.util.Optional<Path> directory() {
        return java.util.Optional.ofNullable(directory);
    }

    /** Validates {@code tree} against the schema of {@code protocol}; throws on the first error by line. */
    void validate(YamlTree tree, YnlProtocol protocol) {
        JsonNode node = MAPPER.valueToTree(tree.root);
        List<Error> errors = schemas.get(protocol).validate(node);
        if (errors.isEmpty()) {
            return;
        }
        record Located(int line, String field, String problem) { }
        List<Located> located = new ArrayList<>();
        for (Error e : errors) {
            String path = path(e.getInstanceLocation());
            String field = path;
            int line;
            String property = e.getProperty();
            if (property != null && "required".equals(e.getKeyword())) {
                field = YamlTree.member(path, property);
                line = tree.line(path);
            } else if (property != null) {
                field = YamlTree.member(path, property);
                line = tree.keyLine(field);
            } else {
                line = tree.keyLine(path);
            }
            located.add(new Located(line, field, problem(e)));
        }
        located.sort(Comparator.comparingInt(Located::line));
        Located first = located.get(0);
        StringBuilder problem = new StringBuilder(first.problem);
        problem.append(" (schema ").append(protocol.specName()).append(")");
        for (Located l : located.subList(1, located.size())) {
            problem.append("\n  ").append(tree.file).append(':').append(l.line).append(": ")
                    .append(l.field.isEmpty() ? "" : l.field + ": ").append(l.problem);
        }
        throw new YnlSpecException(tree.file, first.line, first.field, problem.toString());
    }

    private static String path(NodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? YamlTree.item(path, index) : YamlTree.member(path, element.toString());
        }
        return path;
    }

    /** The validator's message without the location it starts with (the exception names it). */
    private static String problem(Error e) {
        String message = e.getMessage();
        if (message.startsWith("$")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                message = message.substring(colon + 2);
            }
        }
        return message;
    }
}
