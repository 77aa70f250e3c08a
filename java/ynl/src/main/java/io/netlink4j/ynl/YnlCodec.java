// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.NetlinkAttribute;
import io.netty.buffer.ByteBuf;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes and decodes a family's attributes by its spec, as trees of plain Java values, the way
 * the kernel's {@code ynl} library reads and writes JSON. Pure: no I/O, no state beyond the spec;
 * thread safe.
 *
 * <h2>The tree</h2>
 * A set of attributes is a {@code Map<String, Object>} from attribute names to values, in the
 * order of the wire (decoding) or of the map (encoding). Values by type:
 * <ul>
 *   <li>integers ({@code u8} ... {@code s64}, {@code uint}, {@code sint}): {@code Long}, or
 *       {@code BigInteger} for an unsigned 64-bit value above {@code Long.MAX_VALUE}. Encoding
 *       takes any {@code Number} or a numeric string, and checks the type's range. With an enum:
 *       the entry's name ({@code String}); with flags (or {@code enum-as-flags}): a
 *       {@code Set} of names, in bit order. With a display hint: the string it describes.</li>
 *   <li>{@code string}: {@code String}. {@code flag}: {@code Boolean.TRUE} (encoding
 *       {@code false} omits it).</li>
 *   <li>{@code binary}: {@code byte[]} (encoding also takes a hex string); with {@code struct:} a
 *       map of its members; with {@code sub-type:} a list of the scalars; with a display hint
 *       ({@code mac}, {@code ipv4}, {@code ipv6}, {@code uuid}, {@code hex}) its string.</li>
 *   <li>{@code nest} and {@code sub-message}: a map (a sub-message's fixed header's members first,
 *       then its attributes); {@code bitfield32}: a map of {@code value} and {@code selector}.</li>
 *   <li>{@code indexed-array}: a list; of nests, each item a one-entry map from its index (as a
 *       string) to the nest's map, as the kernel's {@code ynl} prints it.</li>
 *   <li>{@code nest-type-value}: a map of the levels' types (named by {@code type-value:}) and the
 *       innermost attributes; a nest holding more than one item at a level decodes to a list of
 *       such maps.</li>
 *   <li>{@code multi-attr}, and any attribute that occurs more than once: a list of values.</li>
 * </ul>
 * Decoded maps, lists and sets are mutable and keep their order, as {@code LinkedHashMap},
 * {@code ArrayList} and {@code LinkedHashSet} do; a decoded tree can be changed and encoded again.
 * The maps and sets of flags are the codec's own compact forms (a level's values in an array laid
 * out by its attribute set; a set of flags sharing its names with every set of the same value
 * until it is changed), equal to any map or set with the same entries.
 *
 * <h2>Newer kernels</h2>
 * Decoding never fails on what a spec does not know, so that a program carrying older specs
 * works with a newer kernel: an attribute missing from its set is kept as
 * {@code UnknownAttr(N)} (its number, as the kernel's {@code cli.py --process-unknown} names it),
 * holding a map of unknown attributes if it was sent as a nest, else its bytes; an enum value
 * without an entry stays a {@code Long} (in a set of flags, the unknown bit's mask); a
 * sub-message whose selector has no format keeps its bytes, and so does a struct (or a
 * sub-message's fixed header) shorter than the spec's; a struct longer than the spec's keeps
 * the members the spec names. Only malformed bytes (lengths that do not add up, an integer of the
 * wrong size) throw {@link NetlinkDecodeException}. Encoding accepts {@code UnknownAttr(N)} keys
 * too (bytes, or a map for a nest), so a decoded tree encodes back to the same attributes.
 */
public final class YnlCodec {
    /** The key of an attribute its set does not know: {@code UnknownAttr(N)}. */
    private static final Pattern UNKNOWN = Pattern.compile("UnknownAttr\\((\\d+)\\)");
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final boolean HOST_BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private final YnlSpec spec;
    /** Every attribute set's decoding plan, by name: built once, read only after (thread safe). */
    private final Map<String, SetPlan> sets;
    /** Every enum's and set of flags' names by value, by name: built once, read only after. */
    private final Map<String, EnumPlan> enums;
    /** Every struct's decoding plan, by name: built once, read only after. */
    private final Map<String, StructPlan> structs;
    /** The plans of the messages with a fixed header, by operation: built once, read only after. */
    private final Map<YnlOperation, SetPlan> messages;

    /** A codec for the family {@code spec} describes. */
    public YnlCodec(YnlSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        Map<String, SetPlan> setPlans = new HashMap<>();
        spec.attributeSets().forEach((name, set) -> setPlans.put(name, new SetPlan(set, null)));
        this.sets = setPlans;
        Map<String, StructPlan> structPlans = new HashMap<>();
        spec.definitions().forEach((name, d) -> {
            if (d instanceof YnlStruct st) {
                structPlans.put(name, new StructPlan(st));
            }
        });
        this.structs = structPlans;
        Map<YnlOperation, SetPlan> messagePlans = new java.util.IdentityHashMap<>();
        for (YnlOperation op : spec.operations().values()) {
            if (op.fixedHeader().isPresent() && spec.definitions().get(op.fixedHeader().get()) instanceof YnlStruct header) {
                YnlAttributeSet set = op.attributeSet().map(spec.attributeSets()::get).orElse(null);
                messagePlans.put(op, new SetPlan(set != null ? set
                        : new YnlAttributeSet(header.name(), Optional.empty(), List.of(), ""), header));
            }
        }
        this.messages = messagePlans;
        Map<String, EnumPlan> enumPlans = new HashMap<>();
        spec.definitions().forEach((name, d) -> {
            if (d instanceof YnlEnum e) {
                enumPlans.put(name, new EnumPlan(e));
            }
        });
        this.enums = enumPlans;
    }

    /**
     * An attribute set as decoding reads it: its attributes by number in an array (the first
     * should two share a number, as {@link YnlAttributeSet#attribute(int)}) with their slots in
     * the layout of the maps it decodes to ({@link DecodedMap}). A message's plan puts its fixed
     * header's members first in the layout; an attribute of a member's name shares its slot.
     */
    private static final class SetPlan {
        final YnlAttributeSet set;
        final YnlAttribute[] byNumber;
        final int[] slotByNumber;
        final DecodedMap.Layout layout;
        /** Slots (below 64) of header members that an attribute of the same name replaces. */
        final long shadowed;

        SetPlan(YnlAttributeSet set, YnlStruct header) {
            this.set = set;
            int max = -1;
            for (YnlAttribute a : set.attributes()) {
                max = Math.max(max, a.value());
            }
            byNumber = new YnlAttribute[max + 1];
            slotByNumber = new int[max + 1];
            List<String> names = new ArrayList<>();
            if (header != null) {
                for (YnlStruct.Member m : header.members()) {
                    names.add(m.name());
                }
            }
            int members = names.size();
            for (YnlAttribute a : set.attributes()) {
                names.add(a.name());
            }
            layout = new DecodedMap.Layout(names.toArray(String[]::new));
            long shadow = 0;
            for (YnlAttribute a : set.attributes()) {
                if (byNumber[a.value()] == null) {
                    byNumber[a.value()] = a;
                    int slot = layout.slot(a.name());
                    slotByNumber[a.value()] = slot;
                    if (slot < members && slot < 64) {
                        shadow |= 1L << slot;
                    }
                }
            }
            shadowed = shadow;
        }

        YnlAttribute attribute(int number) {
            return number < byNumber.length ? byNumber[number] : null;
        }
    }

    /** A struct as decoding reads it: the layout of its maps, a slot per member. */
    private static final class StructPlan {
        final YnlStruct struct;
        final DecodedMap.Layout layout;
        final int[] slots;

        StructPlan(YnlStruct struct) {
            this.struct = struct;
            String[] names = new String[struct.members().size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = struct.members().get(i).name();
            }
            layout = new DecodedMap.Layout(names);
            slots = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                slots[i] = layout.slot(names[i]);
            }
        }
    }

    /**
     * An enum's names by raw value (the first entry with that value, as {@link YnlEnum#entry(long)}):
     * an array for values 0-1023, a map for others; for flags the array is indexed by bit.
     */
    private static final class EnumPlan {
        private static final int DENSE = 1024;
        final YnlEnum definition;
        final String[] dense;
        final Map<Long, String> sparse = new HashMap<>();

        EnumPlan(YnlEnum definition) {
            this.definition = definition;
            long max = -1;
            for (YnlEnum.Entry e : definition.entries()) {
                if (e.value() >= 0 && e.value() < DENSE) {
                    max = Math.max(max, e.value());
                }
            }
            dense = new String[(int) max + 1];
            for (YnlEnum.Entry e : definition.entries()) {
                if (e.value() >= 0 && e.value() < DENSE) {
                    if (dense[(int) e.value()] == null) {
                        dense[(int) e.value()] = e.name();
                    }
                } else {
                    sparse.putIfAbsent(e.value(), e.name());
                }
            }
        }

        /** The names of a set of flags' values 0-1023, made as they first come; shared, never changed. */
        private final FlagNames[] flagNames = new FlagNames[DENSE];

        /** An array of names; a final field, so that it is safe to share however it is published. */
        private record FlagNames(Object[] names) {
        }

        /**
         * The names of the bits of {@code raw}, lowest first; an unknown bit by its mask. Shared
         * by every set of that value: callers must not change it.
         */
        Object[] flagNames(long raw) {
            if (raw >= 0 && raw < DENSE) {
                FlagNames cached = flagNames[(int) raw];
                if (cached == null) {
                    cached = new FlagNames(bitNames(raw));
                    flagNames[(int) raw] = cached;
                }
                return cached.names();
            }
            return bitNames(raw);
        }

        private Object[] bitNames(long raw) {
            Object[] names = new Object[Long.bitCount(raw)];
            int i = 0;
            for (long bits = raw; bits != 0; bits &= bits - 1) { // the set bits, lowest first
                int b = Long.numberOfTrailingZeros(bits);
                String name = name(b);
                names[i++] = name != null ? name : number(1L << b, false);
            }
            return names;
        }

        /** @return the name of the entry whose raw value is {@code value}, or null */
        String name(long value) {
            return value >= 0 && value < dense.length ? dense[(int) value] : value >= DENSE || value < 0 ? sparse.get(value) : null;
        }
    }

    /** Indexes of indexed-array items as the tree's keys, made once. */
    private static final String[] INDEXES = new String[256];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i);
        }
    }

    private static String index(int i) {
        return i >= 0 && i < INDEXES.length ? INDEXES[i] : Integer.toString(i);
    }

    private SetPlan plan(String setName) {
        SetPlan plan = sets.get(setName);
        return plan != null ? plan : new SetPlan(spec.attributeSet(setName), null); // throws, naming the sets there are
    }

    private StructPlan structPlan(String structName) {
        StructPlan plan = structs.get(structName);
        return plan != null ? plan : new StructPlan(spec.struct(structName)); // throws, naming the structs there are
    }

    /** The plan of a message of {@code operation} with a fixed header: its members, then its attributes. */
    private SetPlan messagePlan(YnlOperation operation, YnlStruct header) {
        SetPlan plan = messages.get(operation);
        if (plan != null) {
            return plan;
        }
        // An operation of another spec object: planned for this message only.
        YnlAttributeSet set = operation.attributeSet().map(spec::attributeSet)
                .orElseGet(() -> new YnlAttributeSet(header.name(), Optional.empty(), List.of(), ""));
        return new SetPlan(set, header);
    }

    private EnumPlan enumPlan(String enumName) {
        EnumPlan plan = enums.get(enumName);
        return plan != null ? plan : new EnumPlan(spec.enumDefinition(enumName)); // throws, naming the enums there are
    }

    /** @return the spec this codec follows */
    public YnlSpec spec() {
        return spec;
    }

    // ---------------------------------------------------------------------------------------
    // Messages
    // ---------------------------------------------------------------------------------------

    /**
     * Writes the payload of a message of {@code operation} after its netlink (and generic
     * netlink) header: its fixed header, if it has one, from the members named in {@code tree}
     * (absent members are 0), then the other entries as attributes of its attribute set.
     *
     * @throws IllegalArgumentException naming the attribute or member whose value does not fit
     */
    public void encodeMessage(YnlOperation operation, Map<String, ?> tree, MessageWriter writer) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(writer, "writer");
        Map<String, Object> attributes = new LinkedHashMap<>(tree);
        if (operation.fixedHeader().isPresent()) {
            YnlStruct header = spec.struct(operation.fixedHeader().get());
            YnlAttributeSet set = operation.attributeSet().map(spec::attributeSet).orElse(null);
            writer.rawBytes(structBytes(header, headerMembers(header, set, attributes), header.name()));
        }
        if (!attributes.isEmpty()) {
            String set = operation.attributeSet().orElseThrow(() -> new IllegalArgumentException(
                    "operation " + operation.name() + " has no attribute set: " + attributes.keySet()));
            encodeAttributes(set, attributes, writer);
        }
    }

    /**
     * Decodes the payload of a message of {@code operation}: {@code buf[offset, offset + length)},
     * after its netlink (and generic netlink) header. The fixed header's members come first.
     *
     * @throws NetlinkDecodeException if the bytes are malformed
     */
    public Map<String, Object> decodeMessage(YnlOperation operation, ByteBuf buf, int offset, int length) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(buf, "buf");
        int start = offset;
        int end = offset + length;
        YnlStruct header = null;
        int headerSize = 0;
        if (operation.fixedHeader().isPresent()) {
            header = spec.struct(operation.fixedHeader().get());
            headerSize = header.size();
            if (headerSize > length) {
                throw new NetlinkDecodeException(operation.name() + ": message payload of " + length
                        + " bytes, shorter than its fixed header " + header.name() + " (" + headerSize + " bytes)");
            }
            start = Math.min(end, start + align4(headerSize));
        }
        if (header == null) {
            SetPlan set = operation.attributeSet().map(this::plan).orElse(null);
            return decode(set, AttributeReader.of(buf, start, end), new Scope(null, null));
        }
        // The header's members first, then the attributes, in one map (an attribute of a member's
        // name, such as rt_addr's ifa-flags, replaces the member's value in the member's place).
        SetPlan plan = messagePlan(operation, header);
        DecodedMap out = new DecodedMap(plan.layout);
        decodeStruct(structPlan(header.name()), buf, offset, headerSize, out);
        out.headerOnly = plan.shadowed;
        decodeInto(plan, AttributeReader.of(buf, start, end), new Scope(null, null), out);
        out.headerOnly = 0;
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // Attributes
    // ---------------------------------------------------------------------------------------

    /**
     * Appends {@code values} as attributes of the set {@code setName}.
     *
     * @throws IllegalArgumentException naming an attribute the set lacks (and those it has), or the
     *                                  attribute whose value does not fit its type
     */
    public void encodeAttributes(String setName, Map<String, ?> values, MessageWriter writer) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(writer, "writer");
        encode(spec.attributeSet(setName), values, writer, new Scope(null, values));
    }

    /**
     * Decodes the attributes {@code reader} is over as attributes of the set {@code setName}.
     *
     * @throws NetlinkDecodeException if the bytes are malformed
     */
    public Map<String, Object> decodeAttributes(String setName, AttributeReader reader) {
        Objects.requireNonNull(reader, "reader");
        return decode(plan(setName), reader, new Scope(null, null));
    }

    /**
     * Decodes {@code buf[offset, offset + length)} as the struct {@code structName}. Bytes beyond
     * the struct are ignored; members the bytes do not reach are left out.
     */
    public Map<String, Object> decodeStruct(String structName, ByteBuf buf, int offset, int length) {
        return decodeStruct(spec.struct(structName), buf, offset, length);
    }

    /**
     * The bytes of the struct {@code structName} with the members in {@code values} (absent ones 0).
     *
     * @throws IllegalArgumentException naming a member the struct lacks, or one whose value does not fit
     */
    public byte[] encodeStruct(String structName, Map<String, ?> values) {
        YnlStruct struct = spec.struct(structName);
        return structBytes(struct, values, struct.name());
    }

    /** The decoded attributes of enclosing levels, where a sub-message's selector is looked up. */
    private record Scope(Scope parent, Map<String, ?> values) {
        /** The value of {@code name} in the nearest level that has it; of one that came more than once, the first. */
        Object lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.values != null && s.values.containsKey(name)) {
                    Object value = s.values.get(name);
                    return value instanceof Repeated repeated ? repeated.get(0) : value;
                }
            }
            return null;
        }
    }

    private void encode(YnlAttributeSet set, Map<String, ?> values, MessageWriter w, Scope scope) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "attribute name");
            Object value = e.getValue();
            YnlAttribute a = set == null ? null : set.attribute(name).orElse(null);
            Matcher unknown = a == null ? UNKNOWN.matcher(name) : null;
            if (unknown != null && unknown.matches()) {
                encodeUnknown(Integer.parseInt(unknown.group(1)), value, w, name);
                continue;
            }
            if (a == null) {
                throw new IllegalArgumentException(where(set, name) + ": no such attribute (expected: one of "
                        + (set == null ? "" : String.join(", ", set.attributes().stream().map(YnlAttribute::name).toList()))
                        + ")");
            }
            if (value == null) {
                continue;
            }
            // Repeated: decoded from an attribute that came more than once, whatever its type.
            if (value instanceof List<?> list && (value instanceof Repeated || a.multiAttr() || repeatable(a))) {
                for (Object item : list) {
                    encodeOne(set, a, item, w, scope);
                }
            } else {
                encodeOne(set, a, value, w, scope);
            }
        }
    }

    /** A list value of an attribute that is not multi-attr repeats it, unless a list is its own value. */
    private static boolean repeatable(YnlAttribute a) {
        return switch (a.type()) {
            case INDEXED_ARRAY, NEST_TYPE_VALUE, FLAG -> false;
            case BINARY -> a.subType().isEmpty();
            default -> !(a.enumName().isPresent());
        };
    }

    private void encodeUnknown(int type, Object value, MessageWriter w, String name) {
        if (value instanceof Map<?, ?> m) {
            w.beginNested(type);
            encode(null, cast(m), w, null);
            w.endNested();
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                encodeUnknown(type, item, w, name);
            }
        } else {
            w.bytes(type, bytes(value, name));
        }
    }

    private void encodeOne(YnlAttributeSet set, YnlAttribute a, Object value, MessageWriter w, Scope scope) {
        String where = where(set, a.name());
        int type = a.value();
        switch (a.type()) {
            case UNUSED, PAD -> {
                // Bytes as decoded (the kernel's nlctrl sends pad attributes): written back as they were.
                if (!(value instanceof byte[] b)) {
                    throw new IllegalArgumentException(where + ": a " + a.type().specName()
                            + " attribute carries no value (expected: the bytes it was decoded with, or none)");
                }
                w.bytes(type, b);
            }
            case FLAG -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException(where + ": " + value + " (expected: true or false)");
                }
                if (b) {
                    w.flag(type);
                }
            }
            case STRING -> w.string(type, value.toString());
            case BINARY -> {
                byte[] payload;
                if (a.struct().isPresent() && value instanceof Map<?, ?> m) {
                    YnlStruct struct = spec.struct(a.struct().get());
                    payload = structBytes(struct, cast(m), where);
                } else if (a.subType().isPresent() && value instanceof List<?> list) {
                    YnlType sub = a.subType().get();
                    payload = new byte[0];
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    for (Object item : list) {
                        long v = integer(a, sub, item, where);
                        out.writeBytes(integerBytes(v, sub.size(), a.byteOrder()));
                    }
                    payload = out.toByteArray();
                } else {
                    payload = binary(value, a.displayHint(), where);
                }
                w.bytes(type, payload);
            }
            case BITFIELD32 -> {
                if (!(value instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException(where + ": " + value + " (expected: a map of value and selector)");
                }
                long v = integer(a, YnlType.U32, m.get("value") == null ? 0L : m.get("value"), where + ".value");
                long s = integer(a, YnlType.U32, m.get("selector") == null ? 0L : m.get("selector"), where + ".selector");
                w.beginAttribute(type);
                w.rawBytes(integerBytes(v, 4, YnlByteOrder.HOST));
                w.rawBytes(integerBytes(s, 4, YnlByteOrder.HOST));
                w.endAttribute();
            }
            case U8, U16, U32, U64, S8, S16, S32, S64 -> {
                long v = integer(a, a.type(), value, where);
                w.beginAttribute(type);
                w.rawBytes(integerBytes(v, a.type().size(), a.byteOrder()));
                w.endAttribute();
            }
            case UINT, SINT -> {
                long v = integer(a, a.type(), value, where);
                boolean fits32 = a.type() == YnlType.UINT ? (v >>> 32) == 0 : v == (int) v;
                w.beginAttribute(type);
                w.rawBytes(integerBytes(v, fits32 ? 4 : 8, a.byteOrder()));
                w.endAttribute();
            }
            case NEST -> {
                if (!(value instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException(where + ": " + describe(value) + " (expected: a map of attributes)");
                }
                w.beginNested(type);
                encode(spec.attributeSet(a.nestedAttributes().get()), cast(m), w, new Scope(scope, cast(m)));
                w.endNested();
            }
            case INDEXED_ARRAY -> {
                if (!(value instanceof List<?> list)) {
                    throw new IllegalArgumentException(where + ": " + describe(value) + " (expected: a list)");
                }
                YnlType sub = a.subType().get();
                w.beginNested(type);
                int index = 1;
                for (Object item : list) {
                    String at = where + "[" + (index - 1) + "]";
                    if (sub == YnlType.NEST) {
                        if (!(item instanceof Map<?, ?> m) || m.size() != 1) {
                            throw new IllegalArgumentException(at + ": " + describe(item)
                                    + " (expected: a map from the item's index to its attributes)");
                        }
                        Map.Entry<?, ?> only = m.entrySet().iterator().next();
                        int i = index(only.getKey(), at);
                        if (!(only.getValue() instanceof Map<?, ?> attrs)) {
                            throw new IllegalArgumentException(at + ": " + describe(only.getValue())
                                    + " (expected: a map of attributes)");
                        }
                        w.beginNested(i);
                        encode(spec.attributeSet(a.nestedAttributes().get()), cast(attrs), w, new Scope(scope, cast(attrs)));
                        w.endNested();
                    } else if (sub == YnlType.BINARY && a.struct().isPresent() && item instanceof byte[] b) {
                        w.bytes(index, b); // decoded as bytes: shorter than the struct
                    } else if (sub == YnlType.BINARY && a.struct().isPresent()) {
                        if (!(item instanceof Map<?, ?> m)) {
                            throw new IllegalArgumentException(at + ": " + describe(item) + " (expected: a map of struct members)");
                        }
                        w.bytes(index, structBytes(spec.struct(a.struct().get()), cast(m), at));
                    } else if (sub == YnlType.BINARY) {
                        w.bytes(index, binary(item, a.displayHint(), at));
                    } else if (sub == YnlType.STRING) {
                        w.string(index, item.toString());
                    } else if (sub.isInteger()) {
                        long v = integer(a, sub, item, at);
                        int size = sub.size() > 0 ? sub.size() : (sub == YnlType.UINT ? ((v >>> 32) == 0 ? 4 : 8) : (v == (int) v ? 4 : 8));
                        w.beginAttribute(index);
                        w.rawBytes(integerBytes(v, size, a.byteOrder()));
                        w.endAttribute();
                    } else {
                        throw new IllegalArgumentException(where + ": indexed-array of " + sub.specName() + " is not supported");
                    }
                    index++;
                }
                w.endNested();
            }
            case NEST_TYPE_VALUE -> {
                List<?> items = value instanceof List<?> list ? list : List.of(value);
                w.beginNested(type);
                for (Object item : items) {
                    if (!(item instanceof Map<?, ?> m)) {
                        throw new IllegalArgumentException(where + ": " + describe(item) + " (expected: a map of "
                                + String.join(", ", a.typeValue()) + " and attributes)");
                    }
                    Map<String, Object> rest = new LinkedHashMap<>(cast(m));
                    List<Integer> levels = new ArrayList<>();
                    for (String level : a.typeValue()) {
                        Object t = rest.remove(level);
                        if (t == null) {
                            throw new IllegalArgumentException(where + "." + level + ": missing (the type of a level)");
                        }
                        levels.add(index(t, where + "." + level));
                    }
                    for (int level : levels) {
                        w.beginNested(level);
                    }
                    encode(spec.attributeSet(a.nestedAttributes().get()), rest, w, new Scope(scope, rest));
                    for (int i = 0; i < levels.size(); i++) {
                        w.endNested();
                    }
                }
                w.endNested();
            }
            case SUB_MESSAGE -> {
                if (value instanceof byte[] b) {
                    w.bytes(type, b); // kept as bytes when decoded: its selector had no format
                    return;
                }
                if (!(value instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException(where + ": " + describe(value) + " (expected: a map)");
                }
                YnlSubMessage sub = spec.subMessage(a.subMessage().get());
                Object selector = scope == null ? null : scope.lookup(a.selector().get());
                if (selector == null) {
                    throw new IllegalArgumentException(where + ": its selector " + a.selector().get() + " is not given");
                }
                YnlSubMessage.Format format = sub.format(selectorString(selector)).orElseThrow(() ->
                        new IllegalArgumentException(where + ": no format for " + a.selector().get() + " " + selector
                                + " (expected: one of " + String.join(", ", sub.formats().stream().map(YnlSubMessage.Format::value).toList()) + ")"));
                Map<String, Object> rest = new LinkedHashMap<>(cast(m));
                if (format.attributeSet().isPresent()) {
                    w.beginNested(type);
                } else {
                    w.beginAttribute(type);
                }
                if (format.fixedHeader().isPresent()) {
                    YnlStruct header = spec.struct(format.fixedHeader().get());
                    YnlAttributeSet formatSet = format.attributeSet().map(spec::attributeSet).orElse(null);
                    w.rawBytes(structBytes(header, headerMembers(header, formatSet, rest), where));
                }
                if (format.attributeSet().isPresent()) {
                    encode(spec.attributeSet(format.attributeSet().get()), rest, w, new Scope(scope, rest));
                    w.endNested();
                } else {
                    if (!rest.isEmpty()) {
                        throw new IllegalArgumentException(where + ": format " + format.value() + " has no attributes: "
                                + rest.keySet());
                    }
                    w.endAttribute();
                }
            }
            default -> throw new IllegalArgumentException(where + ": type " + a.type().specName());
        }
    }

    /**
     * Takes the members of a fixed header out of a message's (or sub-message's) tree, leaving its
     * attributes. A name that is both a member and an attribute (rt_addr's {@code ifa-flags},
     * netem's {@code loss}) decodes to the attribute's value, which has the room: an integer the
     * member holds is the member's; a larger one stays an attribute and fills the member too, cut
     * to the member's size, as the kernel fills {@code ifa_flags} from {@code IFA_FLAGS}; a map is
     * the attribute's alone; anything else is the member's.
     */
    private Map<String, Object> headerMembers(YnlStruct header, YnlAttributeSet set, Map<String, Object> tree) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (YnlStruct.Member m : header.members()) {
            if (!tree.containsKey(m.name())) {
                continue;
            }
            Object value = tree.get(m.name());
            YnlAttribute a = set == null ? null : set.attribute(m.name()).orElse(null);
            if (a != null && m.type() == YnlType.PAD) {
                continue; // the attribute's (rt_link's pad beside ifinfomsg's): a pad member has no value
            }
            if (a == null || a.type() == YnlType.PAD) {
                members.put(m.name(), tree.remove(m.name()));
            } else if (value instanceof Map<?, ?>) {
                continue;
            } else if (m.type().isInteger() && a.type().isInteger() && value != null) {
                long v = integer(a, a.type(), value, where(set, a.name()));
                int shift = 64 - 8 * m.size();
                long cut = shift == 0 ? v : m.type().isSigned() ? (v << shift) >> shift : v & (-1L >>> shift);
                members.put(m.name(), number(cut, m.type().isSigned()));
                if (cut == v) {
                    tree.remove(m.name());
                }
            } else {
                members.put(m.name(), tree.remove(m.name()));
            }
        }
        return members;
    }

    private static int index(Object key, String where) {
        try {
            int i = key instanceof Number n ? n.intValue() : Integer.parseInt(key.toString());
            if (i >= 0 && i <= NetlinkAttribute.TYPE_MASK) {
                return i;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(where + ": " + key + " (expected: an index 0-" + NetlinkAttribute.TYPE_MASK + ")");
    }

    private static String selectorString(Object selector) {
        return selector.toString();
    }

    private static String where(YnlAttributeSet set, String name) {
        return (set == null ? "" : set.name() + ".") + name;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw new IllegalArgumentException("key " + k + " (expected: attribute names as strings)");
            }
        }
        return (Map<String, Object>) m;
    }

    // ---------------------------------------------------------------------------------------
    // Scalars
    // ---------------------------------------------------------------------------------------

    /** An integer value for {@code type}, from a number, a numeric string, an enum name or a set of flags. */
    private long integer(YnlAttribute a, YnlType type, Object value, String where) {
        return integer(a.enumName(), a.enumAsFlags(), a.displayHint(), type, value, where);
    }

    private long integer(Optional<String> enumName, boolean asFlags, YnlDisplayHint hint, YnlType type, Object value,
                         String where) {
        BigInteger v;
        if (value instanceof Collection<?> items && enumName.isPresent()) {
            long mask = 0;
            for (Object item : items) {
                mask |= flagMask(enumName.get(), item, where);
            }
            v = BigInteger.valueOf(mask);
        } else if (value instanceof Number n) {
            v = n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
            if (n instanceof Double || n instanceof Float) {
                throw new IllegalArgumentException(where + ": " + value + " (expected: an integer)");
            }
        } else if (value instanceof String s) {
            v = parseInteger(s, enumName, asFlags, hint, where);
        } else {
            throw new IllegalArgumentException(where + ": " + describe(value) + " (expected: an integer"
                    + enumName.map(e -> " or a name of " + e).orElse("") + ")");
        }
        return checkRange(v, type, where);
    }

    private long flagMask(String enumName, Object item, String where) {
        if (item instanceof Number n) {
            return n.longValue();
        }
        YnlEnum e = spec.enumDefinition(enumName);
        String name = item.toString();
        return e.entry(name).map(YnlEnum.Entry::mask).orElseThrow(() -> new IllegalArgumentException(
                where + ": " + name + " (expected: one of " + String.join(", ", e.values().keySet()) + ")"));
    }

    private BigInteger parseInteger(String s, Optional<String> enumName, boolean asFlags, YnlDisplayHint hint,
                                    String where) {
        if (enumName.isPresent()) {
            YnlEnum e = spec.enumDefinition(enumName.get());
            Optional<YnlEnum.Entry> entry = e.entry(s);
            if (entry.isPresent()) {
                return BigInteger.valueOf(e.flags() || asFlags ? entry.get().mask() : entry.get().value());
            }
        }
        try {
            if (hint == YnlDisplayHint.IPV4 && s.contains(".")) {
                return new BigInteger(1, ipv4(s, where));
            }
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return new BigInteger(s.substring(2), 16);
            }
            if (s.startsWith("-0x")) {
                return new BigInteger(s.substring(3), 16).negate();
            }
            return new BigInteger(s);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(where + ": " + s + " (expected: an integer"
                    + enumName.map(n -> " or one of " + String.join(", ", spec.enumDefinition(n).values().keySet()))
                    .orElse("") + ")");
        }
    }

    private static long checkRange(BigInteger v, YnlType type, String where) {
        BigInteger min;
        BigInteger max;
        int bits = type.size() > 0 ? type.size() * 8 : 64;
        if (type.isSigned()) {
            min = BigInteger.ONE.shiftLeft(bits - 1).negate();
            max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        } else {
            min = BigInteger.ZERO;
            max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new IllegalArgumentException(where + ": " + v + " (expected: " + min + "-" + max + ")");
        }
        return v.longValue();
    }

    private static byte[] integerBytes(long v, int size, YnlByteOrder order) {
        boolean big = order == YnlByteOrder.BIG_ENDIAN || (order == YnlByteOrder.HOST && HOST_BIG_ENDIAN);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            byte b = (byte) (v >>> (8 * i));
            out[big ? size - 1 - i : i] = b;
        }
        return out;
    }

    private static long readInteger(ByteBuf buf, int offset, int size, YnlByteOrder order, boolean signed) {
        boolean big = order == YnlByteOrder.BIG_ENDIAN || (order == YnlByteOrder.HOST && HOST_BIG_ENDIAN);
        switch (size) { // the integer types' sizes in one read; others byte by byte below
            case 1 -> {
                return signed ? buf.getByte(offset) : buf.getUnsignedByte(offset);
            }
            case 2 -> {
                return signed ? (big ? buf.getShort(offset) : buf.getShortLE(offset))
                        : (big ? buf.getUnsignedShort(offset) : buf.getUnsignedShortLE(offset));
            }
            case 4 -> {
                return signed ? (big ? buf.getInt(offset) : buf.getIntLE(offset))
                        : (big ? buf.getUnsignedInt(offset) : buf.getUnsignedIntLE(offset));
            }
            case 8 -> {
                return big ? buf.getLong(offset) : buf.getLongLE(offset);
            }
            default -> { }
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            long b = buf.getUnsignedByte(offset + (big ? i : size - 1 - i));
            v = (v << 8) | b;
        }
        if (signed && size < 8) {
            int shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }

    /** The decoded form of an integer: a Long, or a BigInteger for an unsigned value above Long.MAX_VALUE. */
    private static Object number(long v, boolean signed) {
        if (!signed && v < 0) {
            return BigInteger.valueOf(v).add(TWO_64);
        }
        return v;
    }

    private Object decodeInteger(long raw, boolean signed, Optional<String> enumName, boolean asFlags,
                                 YnlDisplayHint hint) {
        if (enumName.isPresent()) {
            EnumPlan e = enumPlan(enumName.get());
            if (e.definition.flags() || asFlags) {
                return new DecodedSet(e.flagNames(raw));
            }
            String name = e.name(raw);
            return name != null ? name : number(raw, signed);
        }
        return switch (hint) {
            case HEX -> signed && raw < 0 ? "-0x" + BigInteger.valueOf(raw).negate().toString(16)
                    : "0x" + (raw >= 0 ? Long.toHexString(raw) : BigInteger.valueOf(raw).add(TWO_64).toString(16));
            case IPV4 -> {
                byte[] b = integerBytes(raw, 4, YnlByteOrder.BIG_ENDIAN);
                yield (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
            }
            default -> number(raw, signed);
        };
    }

    // ---------------------------------------------------------------------------------------
    // Bytes and their display hints
    // ---------------------------------------------------------------------------------------

    private static byte[] bytes(Object value, String where) {
        if (value instanceof byte[] b) {
            return b.clone();
        }
        if (value instanceof String s) {
            try {
                return HexFormat.of().parseHex(s.replace(" ", "").replace(":", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + s + " (expected: bytes as hex)");
            }
        }
        throw new IllegalArgumentException(where + ": " + describe(value) + " (expected: byte[] or a hex string)");
    }

    private static byte[] binary(Object value, YnlDisplayHint hint, String where) {
        if (value instanceof String s) {
            switch (hint) {
                // An address as text in its own family (decoding takes the family from the
                // length: rt_route's rta-dst, hint ipv4, holds IPv6 destinations too, and IPVS's
                // addresses, hint ipv6, are either), else bytes as hex, as cli.py takes every
                // binary value.
                case IPV4, IPV6 -> {
                    return s.indexOf(':') >= 0 ? ipv6(s, where) : s.indexOf('.') >= 0 ? ipv4(s, where) : bytes(value, where);
                }
                case UUID -> {
                    try {
                        UUID u = UUID.fromString(s);
                        byte[] out = new byte[16];
                        System.arraycopy(integerBytes(u.getMostSignificantBits(), 8, YnlByteOrder.BIG_ENDIAN), 0, out, 0, 8);
                        System.arraycopy(integerBytes(u.getLeastSignificantBits(), 8, YnlByteOrder.BIG_ENDIAN), 0, out, 8, 8);
                        return out;
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": " + s + " (expected: a UUID)");
                    }
                }
                default -> {
                    return bytes(value, where);
                }
            }
        }
        return bytes(value, where);
    }

    private static byte[] ipv4(String s, String where) {
        String[] parts = s.split("\\.", -1);
        byte[] out = new byte[4];
        if (parts.length == 4) {
            try {
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v < 0 || v > 255 || parts[i].isEmpty() || parts[i].length() > 3) {
                        throw new NumberFormatException();
                    }
                    out[i] = (byte) v;
                }
                return out;
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new IllegalArgumentException(where + ": " + s + " (expected: an IPv4 address, a.b.c.d)");
    }

    private static byte[] ipv6(String s, String where) {
        // Only literals: never a name lookup.
        if (s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                byte[] b = InetAddress.getByName(s).getAddress();
                if (b.length == 16) {
                    return b;
                }
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            } catch (UnknownHostException e) {
                // below
            }
        }
        throw new IllegalArgumentException(where + ": " + s + " (expected: an IPv6 address)");
    }

    /** Bytes with a display hint as the kernel's ynl library prints them. */
    private static Object formatBytes(byte[] b, YnlDisplayHint hint) {
        switch (hint) {
            case MAC, FDDI -> {
                return HexFormat.ofDelimiter(":").formatHex(b);
            }
            case HEX -> {
                return HexFormat.ofDelimiter(" ").formatHex(b);
            }
            case IPV4, IPV6 -> {
                if (b.length == 16) {
                    return shortestIpv6(b);
                }
                if (b.length == 4) {
                    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
                }
                return b;
            }
            case UUID -> {
                if (b.length == 16) {
                    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
                    return new UUID(bb.getLong(), bb.getLong()).toString();
                }
                return b;
            }
            default -> {
                return b;
            }
        }
    }

    /** RFC 5952: the longest run of two or more zero groups becomes "::", lower case, no leading zeros. */
    private static String shortestIpv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Structs
    // ---------------------------------------------------------------------------------------

    private byte[] structBytes(YnlStruct struct, Map<String, ?> values, String where) {
        for (String key : values.keySet()) {
            if (struct.members().stream().noneMatch(m -> m.name().equals(key))) {
                throw new IllegalArgumentException(where + "." + key + ": no such member of struct " + struct.name()
                        + " (expected: one of " + String.join(", ", struct.members().stream()
                        .filter(m -> m.type() != YnlType.PAD).map(YnlStruct.Member::name).toList()) + ")");
            }
        }
        byte[] out = new byte[struct.size()];
        int offset = 0;
        for (YnlStruct.Member m : struct.members()) {
            Object v = values.get(m.name());
            String at = where + "." + m.name();
            if (v != null && m.type() != YnlType.PAD) {
                byte[] b;
                if (m.type() == YnlType.BINARY && m.struct().isPresent()) {
                    if (!(v instanceof Map<?, ?> nested)) {
                        throw new IllegalArgumentException(at + ": " + describe(v) + " (expected: a map of struct members)");
                    }
                    b = structBytes(spec.struct(m.struct().get()), cast(nested), at);
                } else if (m.type() == YnlType.BINARY) {
                    b = binary(v, m.displayHint(), at);
                } else if (m.type() == YnlType.STRING) {
                    b = v.toString().getBytes(StandardCharsets.UTF_8);
                    if (b.length >= m.size()) {
                        throw new IllegalArgumentException(at + ": " + b.length + " bytes (expected: at most "
                                + (m.size() - 1) + ")");
                    }
                } else {
                    long x = integer(m.enumName(), m.enumAsFlags(), m.displayHint(), m.type(), v, at);
                    b = integerBytes(x, m.size(), m.byteOrder());
                }
                if (b.length > m.size()) {
                    throw new IllegalArgumentException(at + ": " + b.length + " bytes (expected: " + m.size() + ")");
                }
                System.arraycopy(b, 0, out, offset, b.length);
            }
            offset += m.size();
        }
        return out;
    }

    private Map<String, Object> decodeStruct(YnlStruct struct, ByteBuf buf, int offset, int length) {
        StructPlan plan = structPlan(struct.name());
        DecodedMap out = new DecodedMap(plan.layout);
        decodeStruct(plan, buf, offset, length, out);
        return out;
    }

    /** Decodes the struct's members into {@code out}, whose layout starts with them. */
    private void decodeStruct(StructPlan plan, ByteBuf buf, int offset, int length, DecodedMap out) {
        int at = offset;
        int end = offset + length;
        List<YnlStruct.Member> members = plan.struct.members();
        for (int i = 0; i < members.size(); i++) {
            YnlStruct.Member m = members.get(i);
            if (at + m.size() > end) {
                break;
            }
            if (m.type() != YnlType.PAD) {
                out.putSlot(plan.slots[i], member(m, buf, at));
            }
            at += m.size();
        }
    }

    private Object member(YnlStruct.Member m, ByteBuf buf, int at) {
        switch (m.type()) {
            case BINARY -> {
                if (m.struct().isPresent()) {
                    return decodeStruct(spec.struct(m.struct().get()), buf, at, m.size());
                }
                byte[] b = new byte[m.size()];
                buf.getBytes(at, b);
                return formatBytes(b, m.displayHint());
            }
            case STRING -> {
                int nul = buf.indexOf(at, at + m.size(), (byte) 0);
                return buf.toString(at, (nul < 0 ? at + m.size() : nul) - at, StandardCharsets.UTF_8);
            }
            default -> {
                long raw = readInteger(buf, at, m.size(), m.byteOrder(), m.type().isSigned());
                return decodeInteger(raw, m.type().isSigned(), m.enumName(), m.enumAsFlags(), m.displayHint());
            }
        }
    }

    /** Decodes the struct's members into {@code out} (a sub-message's fixed header). */
    private void decodeStruct(YnlStruct struct, ByteBuf buf, int offset, int length, Map<String, Object> out) {
        int at = offset;
        int end = offset + length;
        for (YnlStruct.Member m : struct.members()) {
            if (at + m.size() > end) {
                break;
            }
            if (m.type() != YnlType.PAD) {
                out.put(m.name(), member(m, buf, at));
            }
            at += m.size();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Decoding attributes
    // ---------------------------------------------------------------------------------------

    private Map<String, Object> decode(SetPlan set, AttributeReader r, Scope parent) {
        if (set == null) {
            // A nest the spec does not describe: every attribute unknown.
            Map<String, Object> out = new LinkedHashMap<>();
            Scope scope = new Scope(parent, out);
            while (r.next()) {
                add(out, "UnknownAttr(" + r.type() + ")", unknown(r, scope), false);
            }
            return out;
        }
        DecodedMap out = new DecodedMap(set.layout);
        decodeInto(set, r, parent, out);
        return out;
    }

    private void decodeInto(SetPlan set, AttributeReader r, Scope parent, DecodedMap out) {
        Scope scope = new Scope(parent, out);
        while (r.next()) {
            int type = r.type();
            YnlAttribute a = set.attribute(type);
            if (a == null) {
                add(out, "UnknownAttr(" + type + ")", unknown(r, scope), false);
                continue;
            }
            add(out, set.slotByNumber[type], decodeOne(set, a, r, scope), a.multiAttr());
        }
    }

    private Object unknown(AttributeReader r, Scope scope) {
        return r.isNestedFlag() ? decode(null, r.nested(), scope) : r.bytes();
    }

    /** {@link #add(Map, String, Object, boolean)} by slot. */
    @SuppressWarnings("unchecked")
    private static void add(DecodedMap out, int slot, Object value, boolean multi) {
        if (slot < 64 && (out.headerOnly & (1L << slot)) != 0) {
            // The first attribute of a fixed header member's name: it replaces the member's value.
            out.headerOnly &= ~(1L << slot);
            out.putSlot(slot, multi ? newList(value) : value);
            return;
        }
        Object previous = out.getSlot(slot);
        if (previous == null) {
            out.putSlot(slot, multi ? newList(value) : value);
        } else if (multi) {
            ((List<Object>) previous).add(value);
        } else if (previous instanceof Repeated list) {
            list.add(value);
        } else {
            Repeated list = new Repeated();
            list.add(previous);
            list.add(value);
            out.putSlot(slot, list);
        }
    }

    private static List<Object> newList(Object first) {
        List<Object> list = new ArrayList<>();
        list.add(first);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> out, String name, Object value, boolean multi) {
        if (multi) {
            ((List<Object>) out.computeIfAbsent(name, k -> new ArrayList<>())).add(value);
            return;
        }
        // Decoded values are never null: null here means the name was not there.
        Object previous = out.putIfAbsent(name, value);
        if (previous == null) {
            return;
        }
        if (previous instanceof Repeated list) {
            list.add(value);
        } else {
            Repeated list = new Repeated();
            list.add(previous);
            list.add(value);
            out.put(name, list);
        }
    }

    /** The values of an attribute that is not multi-attr but came more than once. */
    private static final class Repeated extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }

    private Object decodeOne(SetPlan plan, YnlAttribute a, AttributeReader r, Scope scope) {
        YnlAttributeSet set = plan.set;
        int length = r.payloadLength();
        int offset = r.payloadOffset();
        ByteBuf buf = r.buffer();
        switch (a.type()) {
            case FLAG -> {
                return Boolean.TRUE;
            }
            case STRING -> {
                return r.string();
            }
            case BINARY -> {
                if (a.struct().isPresent()) {
                    YnlStruct struct = spec.struct(a.struct().get());
                    // Shorter than the spec's struct (an older kernel's): its bytes, which encode back as they were.
                    return length < struct.size() ? r.bytes() : decodeStruct(struct, buf, offset, length);
                }
                if (a.subType().isPresent() && a.subType().get().size() > 0) {
                    YnlType sub = a.subType().get();
                    if (length % sub.size() != 0) {
                        throw new NetlinkDecodeException(where(set, a.name()) + ": payload of " + length + " bytes (expected: a multiple of "
                                + sub.size() + ", an array of " + sub.specName() + ")");
                    }
                    List<Object> items = new ArrayList<>();
                    for (int at = offset; at < offset + length; at += sub.size()) {
                        items.add(decodeInteger(readInteger(buf, at, sub.size(), a.byteOrder(), sub.isSigned()),
                                sub.isSigned(), a.enumName(), a.enumAsFlags(), a.displayHint()));
                    }
                    return items;
                }
                return formatBytes(r.bytes(), a.displayHint());
            }
            case BITFIELD32 -> {
                if (length != 8) {
                    throw new NetlinkDecodeException(where(set, a.name()) + " (bitfield32): payload of " + length + " bytes (expected: 8)");
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("value", decodeInteger(readInteger(buf, offset, 4, YnlByteOrder.HOST, false), false,
                        a.enumName(), a.enumAsFlags(), YnlDisplayHint.NONE));
                out.put("selector", decodeInteger(readInteger(buf, offset + 4, 4, YnlByteOrder.HOST, false), false,
                        a.enumName(), a.enumAsFlags(), YnlDisplayHint.NONE));
                return out;
            }
            case U8, U16, U32, U64, S8, S16, S32, S64 -> {
                int size = a.type().size();
                if (length != size) {
                    throw new NetlinkDecodeException(where(set, a.name()) + " (" + a.type().specName() + "): payload of " + length
                            + " bytes (expected: " + size + ")");
                }
                return decodeInteger(readInteger(buf, offset, size, a.byteOrder(), a.type().isSigned()),
                        a.type().isSigned(), a.enumName(), a.enumAsFlags(), a.displayHint());
            }
            case UINT, SINT -> {
                if (length != 4 && length != 8) {
                    throw new NetlinkDecodeException(where(set, a.name()) + " (" + a.type().specName() + "): payload of " + length
                            + " bytes (expected: 4 or 8)");
                }
                boolean signed = a.type() == YnlType.SINT;
                return decodeInteger(readInteger(buf, offset, length, a.byteOrder(), signed), signed, a.enumName(),
                        a.enumAsFlags(), a.displayHint());
            }
            case NEST -> {
                return decode(plan(a.nestedAttributes().get()), r.nested(), scope);
            }
            case INDEXED_ARRAY -> {
                YnlType sub = a.subType().get();
                List<Object> items = new ArrayList<>();
                AttributeReader inner = r.nested();
                while (inner.next()) {
                    if (sub == YnlType.NEST) {
                        Map<String, Object> item = new LinkedHashMap<>(2);
                        item.put(index(inner.type()),
                                decode(plan(a.nestedAttributes().get()), inner.nested(), scope));
                        items.add(item);
                    } else if (sub == YnlType.BINARY && a.struct().isPresent()) {
                        YnlStruct struct = spec.struct(a.struct().get());
                        items.add(inner.payloadLength() < struct.size() ? inner.bytes()
                                : decodeStruct(struct, buf, inner.payloadOffset(), inner.payloadLength()));
                    } else if (sub == YnlType.BINARY) {
                        items.add(formatBytes(inner.bytes(), a.displayHint()));
                    } else if (sub == YnlType.STRING) {
                        items.add(inner.string());
                    } else if (sub.isInteger()) {
                        int size = sub.size() > 0 ? sub.size() : inner.payloadLength();
                        if (inner.payloadLength() != size || (sub.size() == 0 && size != 4 && size != 8)) {
                            throw new NetlinkDecodeException(where(set, a.name()) + "[" + items.size() + "] (" + sub.specName()
                                    + "): payload of " + inner.payloadLength() + " bytes (expected: "
                                    + (sub.size() > 0 ? size : "4 or 8") + ")");
                        }
                        items.add(decodeInteger(readInteger(buf, inner.payloadOffset(), size, a.byteOrder(), sub.isSigned()),
                                sub.isSigned(), a.enumName(), a.enumAsFlags(), a.displayHint()));
                    } else {
                        items.add(inner.bytes());
                    }
                }
                return items;
            }
            case NEST_TYPE_VALUE -> {
                List<Map<String, Object>> items = new ArrayList<>();
                nestTypeValue(a, r.nested(), 0, new LinkedHashMap<>(), items, scope);
                return items.size() == 1 ? items.get(0) : items;
            }
            case SUB_MESSAGE -> {
                YnlSubMessage sub = spec.subMessage(a.subMessage().get());
                Object selector = scope.lookup(a.selector().get());
                Optional<YnlSubMessage.Format> format = selector == null ? Optional.empty()
                        : sub.format(selectorString(selector));
                YnlStruct header = format.isEmpty() || format.get().fixedHeader().isEmpty() ? null
                        : spec.struct(format.get().fixedHeader().get());
                if (format.isEmpty() || (header != null && length < header.size())) {
                    return r.bytes(); // no format, or shorter than its fixed header: its bytes
                }
                Map<String, Object> out = new LinkedHashMap<>();
                int start = offset;
                if (header != null) {
                    decodeStruct(header, buf, offset, length, out);
                    start = Math.min(offset + length, offset + align4(header.size()));
                }
                if (format.get().attributeSet().isPresent()) {
                    AttributeReader inner = new AttributeReader().reset(buf, start, offset + length, r.depth() + 1);
                    out.putAll(decode(plan(format.get().attributeSet().get()), inner, scope));
                }
                return out;
            }
            default -> {
                return r.bytes();
            }
        }
    }

    private void nestTypeValue(YnlAttribute a, AttributeReader r, int level, Map<String, Object> types,
                               List<Map<String, Object>> items, Scope scope) {
        while (r.next()) {
            Map<String, Object> here = new LinkedHashMap<>(types);
            here.put(a.typeValue().get(level), (long) r.type());
            if (level + 1 < a.typeValue().size()) {
                nestTypeValue(a, r.nested(), level + 1, here, items, scope);
            } else {
                here.putAll(decode(plan(a.nestedAttributes().get()), r.nested(), scope));
                items.add(here);
            }
        }
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }
}
