// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A netlink family as the kernel's YAML spec ("YNL") describes it: its protocol level,
 * definitions (constants, enums, flags, structs), attribute sets, sub-messages, operations and
 * multicast groups, with every implicit number made explicit (attribute, enum entry and operation
 * values as the kernel's own {@code ynl} library assigns them). Immutable.
 *
 * <p>A spec is loaded from its file and validated against the kernel's schema of its protocol
 * level ({@link YnlSchemas}); then every name it refers to (attribute sets, structs, enums,
 * sub-messages, selectors, attributes of operations) is checked. Any problem is a
 * {@link YnlSpecException} naming the file, the line and the field.
 */
public final class YnlSpec {
    private final String file;
    private final String name;
    private final YnlProtocol protocol;
    private final OptionalInt protonum;
    private final String license;
    private final String doc;
    private final Map<String, YnlDefinition> definitions;
    private final Map<String, YnlAttributeSet> attributeSets;
    private final Map<String, YnlSubMessage> subMessages;
    private final Map<String, YnlOperation> operations;
    private final Map<String, YnlMcastGroup> mcastGroups;

    private YnlSpec(Builder b) {
        this.file = b.tree.file;
        this.name = b.name;
        this.protocol = b.protocol;
        this.protonum = b.protonum;
        this.license = b.license;
        this.doc = b.doc;
        this.definitions = java.util.Collections.unmodifiableMap(b.definitions);
        this.attributeSets = java.util.Collections.unmodifiableMap(b.attributeSets);
        this.subMessages = java.util.Collections.unmodifiableMap(b.subMessages);
        this.operations = java.util.Collections.unmodifiableMap(b.operations);
        this.mcastGroups = java.util.Collections.unmodifiableMap(b.mcastGroups);
    }

    /**
     * Loads the spec in {@code file} and validates it against {@code schemas}.
     *
     * @throws YnlSpecException     if the spec is not valid (naming the file, line and field)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static YnlSpec load(Path file, YnlSchemas schemas) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schemas, "schemas");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text, schemas);
    }

    /**
     * Reads a spec from {@code text}, named {@code file} in errors, and validates it against
     * {@code schemas}.
     *
     * @throws YnlSpecException if the spec is not valid (naming the file, line and field)
     */
    public static YnlSpec parse(String file, String text, YnlSchemas schemas) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(schemas, "schemas");
        YamlTree tree = YamlTree.parse(file, text, false);
        if (!(tree.root instanceof Map)) {
            throw new YnlSpecException(file, tree.line(""), "", "the document is not a mapping");
        }
        Builder b = new Builder(tree);
        String level = b.optString(tree.root, "", "protocol").orElse("genetlink");
        try {
            b.protocol = YnlProtocol.of(level);
        } catch (IllegalArgumentException e) {
            throw new YnlSpecException(file, tree.keyLine("protocol"), "protocol", e.getMessage());
        }
        schemas.validate(tree, b.protocol);
        b.license = text.lines().findFirst()
                .filter(l -> l.startsWith("# SPDX-License-Identifier: "))
                .map(l -> l.substring("# SPDX-License-Identifier: ".length()).strip())
                .orElse("");
        b.build();
        return new YnlSpec(b);
    }

    /** @return the file the spec was read from (or the name it was given) */
    public String file() {
        return file;
    }

    /** @return the family's name (the generic netlink family name, such as {@code netdev}) */
    public String name() {
        return name;
    }

    /** @return the protocol level */
    public YnlProtocol protocol() {
        return protocol;
    }

    /** @return for {@code netlink-raw}, the netlink protocol number ({@code protonum}, 0 for rtnetlink) */
    public OptionalInt protonum() {
        return protonum;
    }

    /** @return the spec's license from its SPDX line, empty if it has none */
    public String license() {
        return license;
    }

    /** @return the family's documentation */
    public String doc() {
        return doc;
    }

    /** @return the definitions by name, in the spec's order */
    public Map<String, YnlDefinition> definitions() {
        return definitions;
    }

    /** @return the attribute sets by name, in the spec's order */
    public Map<String, YnlAttributeSet> attributeSets() {
        return attributeSets;
    }

    /** @return the sub-messages by name, in the spec's order */
    public Map<String, YnlSubMessage> subMessages() {
        return subMessages;
    }

    /** @return the operations (and notifications) by name, in the spec's order */
    public Map<String, YnlOperation> operations() {
        return operations;
    }

    /** @return the multicast groups by name, in the spec's order */
    public Map<String, YnlMcastGroup> mcastGroups() {
        return mcastGroups;
    }

    /**
     * The attribute set named {@code setName}.
     *
     * @throws IllegalArgumentException naming the sets the spec has
     */
    public YnlAttributeSet attributeSet(String setName) {
        return lookup("attribute set", attributeSets, setName);
    }

    /**
     * The operation named {@code operationName}.
     *
     * @throws IllegalArgumentException naming the operations the spec has
     */
    public YnlOperation operation(String operationName) {
        return lookup("operation", operations, operationName);
    }

    /**
     * The struct named {@code structName}.
     *
     * @throws IllegalArgumentException naming the structs the spec has
     */
    public YnlStruct struct(String structName) {
        return lookupDefinition("struct", YnlStruct.class, structName);
    }

    /**
     * The enum or flags named {@code enumName}.
     *
     * @throws IllegalArgumentException naming the enums the spec has
     */
    public YnlEnum enumDefinition(String enumName) {
        return lookupDefinition("enum", YnlEnum.class, enumName);
    }

    /**
     * The sub-message named {@code subMessageName}.
     *
     * @throws IllegalArgumentException naming the sub-messages the spec has
     */
    public YnlSubMessage subMessage(String subMessageName) {
        return lookup("sub-message", subMessages, subMessageName);
    }

    /** A definition of {@code type} by name: a map look-up (codecs ask for every struct and enum they meet). */
    private <T> T lookupDefinition(String what, Class<T> type, String key) {
        Objects.requireNonNull(key, what);
        YnlDefinition d = definitions.get(key);
        return type.isInstance(d) ? type.cast(d) : lookup(what, typed(type), key);
    }

    private <T> Map<String, T> typed(Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        definitions.forEach((k, v) -> {
            if (type.isInstance(v)) {
                out.put(k, type.cast(v));
            }
        });
        return out;
    }

    private <T> T lookup(String what, Map<String, T> map, String key) {
        Objects.requireNonNull(key, what);
        T value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(what + ": " + key + " (expected: one of " + String.join(", ", map.keySet())
                    + " in " + name + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return "YnlSpec[" + name + ", " + protocol.specName() + ", " + file + "]";
    }

    /** Builds the model from a validated tree; references are checked after everything is read. */
    private static final class Builder {
        final YamlTree tree;
        String name;
        YnlProtocol protocol;
        OptionalInt protonum = OptionalInt.empty();
        String license;
        String doc;
        final Map<String, YnlDefinition> definitions = new LinkedHashMap<>();
        final Map<String, YnlAttributeSet> attributeSets = new LinkedHashMap<>();
        final Map<String, YnlSubMessage> subMessages = new LinkedHashMap<>();
        final Map<String, YnlOperation> operations = new LinkedHashMap<>();
        final Map<String, YnlMcastGroup> mcastGroups = new LinkedHashMap<>();
        /** Paths of each element, for errors found when references are checked. */
        final Map<Object, String> paths = new java.util.IdentityHashMap<>();

        Builder(YamlTree tree) {
            this.tree = tree;
        }

        YnlSpecException error(String path, String problem) {
            return new YnlSpecException(tree.file, tree.keyLine(path), path, problem);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object node) {
            return (Map<String, Object>) node;
        }

        @SuppressWarnings("unchecked")
        List<Object> list(Object node, String path, String key) {
            Object v = map(node).get(key);
            return v == null ? List.of() : (List<Object>) v;
        }

        Optional<String> optString(Object node, String path, String key) {
            Object v = map(node).get(key);
            if (v == null) {
                return Optional.empty();
            }
            if (!(v instanceof String s)) {
                throw error(YamlTree.member(path, key), "not a string: " + v);
            }
            return Optional.of(s);
        }

        String string(Object node, String path, String key) {
            return optString(node, path, key).orElseThrow(() -> error(YamlTree.member(path, key), "missing"));
        }

        OptionalInt optInt(Object node, String path, String key) {
            Object v = map(node).get(key);
            if (v == null) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(intValue(v, YamlTree.member(path, key)));
        }

        int intValue(Object v, String path) {
            if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            if (v instanceof String s) {
                YnlDefinition d = definitions.get(s);
                if (d instanceof YnlConst c && c.value() instanceof Long l) {
                    return l.intValue();
                }
            }
            throw error(path, "not an integer (or the name of an integer constant): " + v);
        }

        long longValue(Object v, String path) {
            if (v instanceof Long l) {
                return l;
            }
            return intValue(v, path);
        }

        boolean bool(Object node, String key) {
            return Boolean.TRUE.equals(map(node).get(key));
        }

        String doc(Object node, String path) {
            return optString(node, path, "doc").orElse("");
        }

        void build() {
            Object root = tree.root;
            name = string(root, "", "name");
            doc = doc(root, "");
            protonum = optInt(root, "", "protonum");
            List<Object> defs = list(root, "", "definitions");
            for (int i = 0; i < defs.size(); i++) {
                Object d = defs.get(i);
                String p = YamlTree.item("definitions", i);
                if ("struct".equals(map(d).get("type"))) {
                    String n = string(d, p, "name");
                    if (rawStructs.put(n, d) != null) {
                        throw error(YamlTree.member(p, "name"), "a second definition named " + n);
                    }
                    structPaths.put(n, p);
                }
            }
            for (int i = 0; i < defs.size(); i++) {
                definition(defs.get(i), YamlTree.item("definitions", i));
            }
            List<Object> sets = list(root, "", "attribute-sets");
            List<Object> subsets = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                Object set = sets.get(i);
                if (map(set).containsKey("subset-of")) {
                    subsets.add(i);
                } else {
                    attributeSet(set, YamlTree.item("attribute-sets", i));
                }
            }
            for (Object i : subsets) {
                int index = (Integer) i;
                subset(sets.get(index), YamlTree.item("attribute-sets", index));
            }
            // The spec's order, whatever order subsets were read in.
            Map<String, YnlAttributeSet> ordered = new LinkedHashMap<>();
            for (Object set : sets) {
                String n = (String) map(set).get("name");
                ordered.put(n, attributeSets.get(n));
            }
            attributeSets.clear();
            attributeSets.putAll(ordered);
            List<Object> subs = list(root, "", "sub-messages");
            for (int i = 0; i < subs.size(); i++) {
                subMessage(subs.get(i), YamlTree.item("sub-messages", i));
            }
            operations(map(root).get("operations"));
            Object mcast = map(root).get("mcast-groups");
            if (mcast != null) {
                List<Object> groups = list(mcast, "mcast-groups", "list");
                for (int i = 0; i < groups.size(); i++) {
                    String p = YamlTree.item("mcast-groups.list", i);
                    Object g = groups.get(i);
                    YnlMcastGroup group = new YnlMcastGroup(string(g, p, "name"), optInt(g, p, "value"));
                    mcastGroups.put(group.name(), group);
                }
            }
            checkReferences();
        }

        void definition(Object node, String path) {
            String n = string(node, path, "name");
            String type = string(node, path, "type");
            String d = doc(node, path);
            YnlDefinition def = switch (type) {
                case "const" -> {
                    Object v = map(node).get("value");
                    if (v == null) {
                        throw error(YamlTree.member(path, "value"), "missing (a const needs a value)");
                    }
                    yield new YnlConst(n, v, d);
                }
                case "enum", "flags" -> {
                    List<YnlEnum.Entry> entries = new ArrayList<>();
                    Object start = map(node).get("value-start");
                    long next = start == null ? 0 : intValue(start, YamlTree.member(path, "value-start"));
                    List<Object> raw = list(node, path, "entries");
                    for (int i = 0; i < raw.size(); i++) {
                        Object e = raw.get(i);
                        String ep = YamlTree.item(YamlTree.member(path, "entries"), i);
                        if (e instanceof String s) {
                            entries.add(new YnlEnum.Entry(s, next, ""));
                        } else {
                            Object v = map(e).get("value");
                            long value = v == null ? next : longValue(v, YamlTree.member(ep, "value"));
                            entries.add(new YnlEnum.Entry(string(e, ep, "name"), value, doc(e, ep)));
                        }
                        next = entries.get(entries.size() - 1).value() + 1;
                    }
                    yield new YnlEnum(n, type.equals("flags"), entries, d);
                }
                case "struct" -> struct(n);
                default -> throw error(YamlTree.member(path, "type"), type + " (expected: const, enum, flags, struct)");
            };
            if (definitions.put(n, def) != null) {
                throw error(YamlTree.member(path, "name"), "a second definition named " + n);
            }
            paths.put(def, path);
        }

        /** Structs may use structs defined after them: each is built on first use, cycles refused. */
        final Map<String, Object> rawStructs = new LinkedHashMap<>();
        final Map<String, String> structPaths = new LinkedHashMap<>();
        final Map<String, YnlStruct> structs = new LinkedHashMap<>();
        final java.util.Set<String> building = new java.util.HashSet<>();

        YnlStruct struct(String n) {
            YnlStruct done = structs.get(n);
            if (done != null) {
                return done;
            }
            Object node = rawStructs.get(n);
            String path = structPaths.get(n);
            if (!building.add(n)) {
                throw error(path, "struct " + n + " contains itself");
            }
            List<YnlStruct.Member> members = new ArrayList<>();
            List<Object> raw = list(node, path, "members");
            for (int i = 0; i < raw.size(); i++) {
                members.add(member(raw.get(i), YamlTree.item(YamlTree.member(path, "members"), i)));
            }
            YnlStruct struct = new YnlStruct(n, members, doc(node, path));
            building.remove(n);
            structs.put(n, struct);
            return struct;
        }

        YnlStruct.Member member(Object node, String path) {
            String n = string(node, path, "name");
            YnlType type = type(node, path, "type");
            Optional<String> struct = optString(node, path, "struct");
            int size;
            if (struct.isPresent()) {
                if (!rawStructs.containsKey(struct.get())) {
                    throw error(YamlTree.member(path, "struct"), "no struct named " + struct.get()
                            + " (expected: one of " + String.join(", ", rawStructs.keySet()) + ")");
                }
                size = struct(struct.get()).size();
            } else if (map(node).containsKey("len")) {
                size = length(map(node).get("len"), YamlTree.member(path, "len"));
            } else if (type.size() > 0) {
                size = type.size();
            } else {
                throw error(path, "a " + type.specName() + " member needs len or struct");
            }
            return new YnlStruct.Member(n, type, size, byteOrder(node, path), optString(node, path, "enum"),
                    bool(node, "enum-as-flags"), hint(node, path), struct, doc(node, path));
        }

        /** A length: a number, the name of a constant, or either followed by " - 1". */
        int length(Object v, String path) {
            if (v instanceof String s && s.endsWith(" - 1")) {
                return length(s.substring(0, s.length() - 4), path) - 1;
            }
            return intValue(v, path);
        }

        YnlType type(Object node, String path, String key) {
            String t = string(node, path, key);
            try {
                return YnlType.of(t);
            } catch (IllegalArgumentException e) {
                throw error(YamlTree.member(path, key), e.getMessage());
            }
        }

        YnlByteOrder byteOrder(Object node, String path) {
            try {
                return YnlByteOrder.of(optString(node, path, "byte-order").orElse(null));
            } catch (IllegalArgumentException e) {
                throw error(YamlTree.member(path, "byte-order"), e.getMessage());
            }
        }

        YnlDisplayHint hint(Object node, String path) {
            try {
                return YnlDisplayHint.of(optString(node, path, "display-hint").orElse(null));
            } catch (IllegalArgumentException e) {
                throw error(YamlTree.member(path, "display-hint"), e.getMessage());
            }
        }

        void attributeSet(Object node, String path) {
            String n = string(node, path, "name");
            List<YnlAttribute> attributes = new ArrayList<>();
            List<Object> raw = list(node, path, "attributes");
            int value = 1;
            for (int i = 0; i < raw.size(); i++) {
                String ap = YamlTree.item(YamlTree.member(path, "attributes"), i);
                Object a = raw.get(i);
                OptionalInt v = optInt(a, ap, "value");
                if (v.isPresent()) {
                    value = v.getAsInt();
                }
                YnlAttribute attribute = attribute(a, ap, value);
                attributes.add(attribute);
                paths.put(attribute, ap);
                value++;
            }
            put(n, new YnlAttributeSet(n, Optional.empty(), attributes, doc(node, path)), path);
        }

        void put(String n, YnlAttributeSet set, String path) {
            if (attributeSets.put(n, set) != null) {
                throw error(YamlTree.member(path, "name"), "a second attribute set named " + n);
            }
            paths.put(set, path);
        }

        YnlAttribute attribute(Object node, String path, int value) {
            if (value < 0 || value > 0x3FFF) {
                throw error(YamlTree.member(path, "value"), value + " (expected: 0-16383)");
            }
            List<String> typeValue = new ArrayList<>();
            for (Object o : list(node, path, "type-value")) {
                typeValue.add(String.valueOf(o));
            }
            Optional<YnlType> subType = map(node).containsKey("sub-type")
                    ? Optional.of(type(node, path, "sub-type")) : Optional.empty();
            return new YnlAttribute(string(node, path, "name"), value, type(node, path, "type"), subType,
                    optString(node, path, "nested-attributes"), bool(node, "multi-attr"), byteOrder(node, path),
                    optString(node, path, "enum"), bool(node, "enum-as-flags"), hint(node, path),
                    optString(node, path, "struct"), optString(node, path, "sub-message"),
                    optString(node, path, "selector"), typeValue, doc(node, path));
        }

        void subset(Object node, String path) {
            String n = string(node, path, "name");
            String of = string(node, path, "subset-of");
            YnlAttributeSet real = attributeSets.get(of);
            if (real == null || real.subsetOf().isPresent()) {
                throw error(YamlTree.member(path, "subset-of"), "no attribute set named " + of
                        + " (expected: one of " + String.join(", ", fullSets()) + ")");
            }
            List<YnlAttribute> attributes = new ArrayList<>();
            List<Object> raw = list(node, path, "attributes");
            for (int i = 0; i < raw.size(); i++) {
                String ap = YamlTree.item(YamlTree.member(path, "attributes"), i);
                String an = string(raw.get(i), ap, "name");
                attributes.add(real.attribute(an).orElseThrow(() -> error(YamlTree.member(ap, "name"),
                        "no attribute " + an + " in " + of)));
            }
            put(n, new YnlAttributeSet(n, Optional.of(of), attributes, doc(node, path)), path);
        }

        List<String> fullSets() {
            return attributeSets.values().stream().filter(s -> s.subsetOf().isEmpty()).map(YnlAttributeSet::name).toList();
        }

        void subMessage(Object node, String path) {
            String n = string(node, path, "name");
            List<YnlSubMessage.Format> formats = new ArrayList<>();
            List<Object> raw = list(node, path, "formats");
            for (int i = 0; i < raw.size(); i++) {
                String fp = YamlTree.item(YamlTree.member(path, "formats"), i);
                Object f = raw.get(i);
                YnlSubMessage.Format format = new YnlSubMessage.Format(String.valueOf(map(f).get("value")),
                        optString(f, fp, "fixed-header"), optString(f, fp, "attribute-set"));
                formats.add(format);
                paths.put(format, fp);
            }
            YnlSubMessage sub = new YnlSubMessage(n, formats);
            if (subMessages.put(n, sub) != null) {
                throw error(YamlTree.member(path, "name"), "a second sub-message named " + n);
            }
        }

        void operations(Object node) {
            String path = "operations";
            Optional<String> fixedHeader = optString(node, path, "fixed-header");
            boolean directional = optString(node, path, "enum-model").orElse("unified").equals("directional");
            List<Object> raw = list(node, path, "list");
            int value = 1;
            Integer request = 1;
            Integer reply = 1;
            for (int i = 0; i < raw.size(); i++) {
                String op = YamlTree.item("operations.list", i);
                Object o = raw.get(i);
                String n = string(o, op, "name");
                OptionalInt req;
                OptionalInt rsp;
                Optional<YnlMessage> doRequest = message(o, op, "do", "request");
                Optional<YnlMessage> doReply = message(o, op, "do", "reply");
                Optional<YnlMessage> dumpRequest = message(o, op, "dump", "request");
                Optional<YnlMessage> dumpReply = message(o, op, "dump", "reply");
                boolean notification = map(o).containsKey("notify") || map(o).containsKey("event");
                if (!directional) {
                    OptionalInt v = optInt(o, op, "value");
                    if (v.isPresent()) {
                        value = v.getAsInt();
                    }
                    req = OptionalInt.of(value);
                    rsp = OptionalInt.of(value);
                    value++;
                } else if (notification) {
                    // As the kernel's ynl library numbers them: from the reply numbers.
                    OptionalInt v = optInt(o, op, "value");
                    if (v.isPresent()) {
                        reply = v.getAsInt();
                    }
                    req = OptionalInt.empty();
                    rsp = OptionalInt.of(reply);
                    reply++;
                } else {
                    String mode = map(o).containsKey("do") ? "do" : "dump";
                    Optional<YnlMessage> mreq = mode.equals("do") ? doRequest : dumpRequest;
                    Optional<YnlMessage> mrsp = mode.equals("do") ? doReply : dumpReply;
                    if (!map(o).containsKey("do") && !map(o).containsKey("dump")) {
                        throw error(op, "an operation of a directional family needs do, dump, notify or event");
                    }
                    if (mreq.isPresent() && mreq.get().value().isPresent()) {
                        request = mreq.get().value().getAsInt();
                    }
                    if (mrsp.isPresent() && mrsp.get().value().isPresent()) {
                        reply = mrsp.get().value().getAsInt();
                    }
                    req = OptionalInt.of(request);
                    rsp = mrsp.isPresent() ? OptionalInt.of(reply) : OptionalInt.empty();
                    request++;
                    if (mrsp.isPresent()) {
                        reply++;
                    }
                }
                Optional<YnlMessage> event = Optional.empty();
                Object ev = map(o).get("event");
                if (ev != null) {
                    List<String> attrs = new ArrayList<>();
                    list(ev, YamlTree.member(op, "event"), "attributes").forEach(a -> attrs.add(String.valueOf(a)));
                    event = Optional.of(new YnlMessage(attrs, OptionalInt.empty()));
                }
                List<String> flags = new ArrayList<>();
                list(o, op, "flags").forEach(f -> flags.add(String.valueOf(f)));
                Optional<String> opFixedHeader = optString(o, op, "fixed-header").or(() -> fixedHeader);
                YnlOperation operation = new YnlOperation(n, req, rsp, optString(o, op, "attribute-set"), opFixedHeader,
                        doRequest, doReply, dumpRequest, dumpReply, optString(o, op, "notify"), event,
                        optString(o, op, "mcgrp"), flags, doc(o, op));
                if (operations.put(n, operation) != null) {
                    throw error(YamlTree.member(op, "name"), "a second operation named " + n);
                }
                paths.put(operation, op);
            }
            // A notification without an attribute set of its own takes that of the operation it repeats.
            for (Map.Entry<String, YnlOperation> e : operations.entrySet()) {
                YnlOperation o = e.getValue();
                if (o.attributeSet().isEmpty() && o.notifies().isPresent()) {
                    YnlOperation of = operations.get(o.notifies().get());
                    if (of == null) {
                        throw error(YamlTree.member(paths.get(o), "notify"), "no operation named " + o.notifies().get());
                    }
                    YnlOperation with = new YnlOperation(o.name(), o.requestValue(), o.replyValue(), of.attributeSet(),
                            o.fixedHeader(), o.doRequest(), o.doReply(), o.dumpRequest(), o.dumpReply(), o.notifies(),
                            o.event(), o.mcastGroup(), o.flags(), o.doc());
                    paths.put(with, paths.get(o));
                    e.setValue(with);
                }
            }
        }

        Optional<YnlMessage> message(Object op, String path, String mode, String direction) {
            Object m = map(op).get(mode);
            if (m == null) {
                return Optional.empty();
            }
            String mp = YamlTree.member(path, mode);
            Object d = map(m).get(direction);
            if (d == null) {
                return Optional.empty();
            }
            String dp = YamlTree.member(mp, direction);
            List<String> attrs = new ArrayList<>();
            list(d, dp, "attributes").forEach(a -> attrs.add(String.valueOf(a)));
            return Optional.of(new YnlMessage(attrs, optInt(d, dp, "value")));
        }

        void checkReferences() {
            for (YnlDefinition d : definitions.values()) {
                if (d instanceof YnlStruct s) {
                    for (int i = 0; i < s.members().size(); i++) {
                        YnlStruct.Member m = s.members().get(i);
                        String mp = YamlTree.item(YamlTree.member(paths.get(d), "members"), i);
                        m.enumName().ifPresent(en -> enumRef(en, YamlTree.member(mp, "enum")));
                    }
                }
            }
            for (YnlAttributeSet set : attributeSets.values()) {
                if (set.subsetOf().isPresent()) {
                    continue;
                }
                for (YnlAttribute a : set.attributes()) {
                    String ap = paths.get(a);
                    a.enumName().ifPresent(en -> enumRef(en, YamlTree.member(ap, "enum")));
                    a.struct().ifPresent(sn -> structRef(sn, YamlTree.member(ap, "struct")));
                    a.nestedAttributes().ifPresent(sn -> setRef(sn, YamlTree.member(ap, "nested-attributes")));
                    switch (a.type()) {
                        case NEST, NEST_TYPE_VALUE -> {
                            if (a.nestedAttributes().isEmpty()) {
                                throw error(ap, "a " + a.type().specName() + " attribute needs nested-attributes");
                            }
                        }
                        case INDEXED_ARRAY -> {
                            YnlType sub = a.subType().orElseThrow(() ->
                                    error(ap, "an indexed-array attribute needs sub-type"));
                            if (sub == YnlType.NEST && a.nestedAttributes().isEmpty()) {
                                throw error(ap, "an indexed-array of nests needs nested-attributes");
                            }
                        }
                        case SUB_MESSAGE -> {
                            String sm = a.subMessage().orElseThrow(() -> error(ap, "a sub-message attribute needs sub-message"));
                            if (!subMessages.containsKey(sm)) {
                                throw error(YamlTree.member(ap, "sub-message"), "no sub-message named " + sm
                                        + " (expected: one of " + String.join(", ", subMessages.keySet()) + ")");
                            }
                            if (a.selector().isEmpty()) {
                                throw error(ap, "a sub-message attribute needs selector");
                            }
                        }
                        default -> { }
                    }
                }
            }
            for (YnlSubMessage sm : subMessages.values()) {
                for (YnlSubMessage.Format f : sm.formats()) {
                    String fp = paths.get(f);
                    f.fixedHeader().ifPresent(sn -> structRef(sn, YamlTree.member(fp, "fixed-header")));
                    f.attributeSet().ifPresent(sn -> setRef(sn, YamlTree.member(fp, "attribute-set")));
                }
            }
            for (YnlOperation o : operations.values()) {
                String op = paths.get(o);
                o.fixedHeader().ifPresent(sn -> structRef(sn, YamlTree.member(op, "fixed-header")));
                if (o.attributeSet().isEmpty()) {
                    if (o.hasDo() || o.hasDump() || o.event().isPresent()) {
                        boolean any = o.doRequest().map(m -> !m.attributes().isEmpty()).orElse(false)
                                || o.doReply().map(m -> !m.attributes().isEmpty()).orElse(false)
                                || o.dumpRequest().map(m -> !m.attributes().isEmpty()).orElse(false)
                                || o.dumpReply().map(m -> !m.attributes().isEmpty()).orElse(false);
                        if (any) {
                            throw error(op, "an operation with attributes needs attribute-set");
                        }
                    }
                    continue;
                }
                String setName = o.attributeSet().get();
                setRef(setName, YamlTree.member(op, "attribute-set"));
                // The attribute lists of requests and replies are not checked: the kernel's own specs
                // name attributes there that their sets lack (6.12: rt_link's if-netnsid), and its ynl
                // library does not read them.
                setRef(setName, YamlTree.member(op, "attribute-set"));
                o.mcastGroup().ifPresent(g -> {
                    if (!mcastGroups.containsKey(g)) {
                        throw error(YamlTree.member(op, "mcgrp"), "no multicast group named " + g
                                + " (expected: one of " + String.join(", ", mcastGroups.keySet()) + ")");
                    }
                });
            }
        }

        void enumRef(String n, String path) {
            if (!(definitions.get(n) instanceof YnlEnum)) {
                throw error(path, "no enum or flags named " + n + " (expected: one of "
                        + String.join(", ", names(definitions.values().stream().filter(YnlEnum.class::isInstance).toList())) + ")");
            }
        }

        void structRef(String n, String path) {
            if (!(definitions.get(n) instanceof YnlStruct)) {
                throw error(path, "no struct named " + n + " (expected: one of "
                        + String.join(", ", names(definitions.values().stream().filter(YnlStruct.class::isInstance).toList())) + ")");
            }
        }

        YnlAttributeSet setRef(String n, String path) {
            YnlAttributeSet set = attributeSets.get(n);
            if (set == null) {
                throw error(path, "no attribute set named " + n + " (expected: one of "
                        + String.join(", ", attributeSets.keySet()) + ")");
            }
            return set;
        }

        static List<String> names(Collection<YnlDefinition> defs) {
            return defs.stream().map(YnlDefinition::name).toList();
        }
    }
}
