// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.codec.NetlinkAttribute;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyDecoder;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.Genl;
import io.netlink4j.socket.NetlinkProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A dynamic client: speaks the family a spec describes, by operation name, with attribute trees
 * in and out (the tree of {@link YnlCodec}). The Java counterpart of the kernel's
 * {@code tools/net/ynl/lib/ynl.py}.
 *
 * <pre>{@code
 * try (YnlFamily netdev = YnlFamily.open(YnlSpec.load(specFile, YnlSchemas.load(schemaDir)))) {
 *     for (Map<String, Object> dev : netdev.dump("dev-get", Map.of())) {
 *         System.out.println(dev.get("ifindex") + " " + dev.get("xdp-features"));
 *     }
 * }
 * }</pre>
 *
 * <p>Generic netlink families ({@code genetlink}, {@code genetlink-c}, {@code genetlink-legacy})
 * are resolved through {@code nlctrl} once, when the family is opened. {@code netlink-raw}
 * families (rtnetlink's {@code rt_link}, {@code rt_addr}, {@code rt_route}) use the spec's
 * {@code protonum} and each operation's own message types and fixed header, whose members are
 * given and returned in the tree beside the attributes.
 *
 * <p>The verbs are the engine's ({@link NetlinkConnection}): {@link #execute} sends an
 * operation's {@code do} and waits for the ACK, {@link #request} returns its one reply,
 * {@link #dump} returns every reply of its {@code dump} (made again after an interruption or an
 * overrun, as the engine does), {@link #dumpEach} streams them. Replies of other message types
 * than the operation's reply are left out, as {@code ynl.py} leaves them. Decoding keeps what the
 * spec does not know (see {@link YnlCodec}). A refusal by the kernel is a {@link YnlException}
 * naming the attribute its extended ACK points at by spec name.
 *
 * <p>Not thread safe beyond what its connection allows: one exchange at a time.
 */
public final class YnlFamily implements AutoCloseable {
    private final YnlSpec spec;
    private final YnlCodec codec;
    private final NetlinkConnection connection;
    private final GenericNetlink genl;
    private final GenlFamily genlFamily;

    private YnlFamily(YnlSpec spec, NetlinkConnection connection) {
        this.spec = spec;
        this.codec = new YnlCodec(spec);
        this.connection = connection;
        if (spec.protocol().isGeneric()) {
            this.genl = GenericNetlink.open(connection);
            this.genlFamily = genl.getFamily(spec.name());
        } else {
            this.genl = null;
            this.genlFamily = null;
        }
    }

    /**
     * Opens the family {@code spec} describes on a new connection with default options. Costs one request for a generic netlink
     * family (its id).
     *
     * @throws io.netlink4j.genl.GenlFamilyNotFoundException the kernel has no such generic netlink family
     */
    public static YnlFamily open(YnlSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return open(spec, NetlinkOptions.defaults());
    }

    /**
     * Opens the family {@code spec} describes in the network namespace {@code netns} (a file such
     * as {@code /var/run/netns/NAME}), with default options otherwise.
     *
     * @throws io.netlink4j.genl.GenlFamilyNotFoundException the kernel has no such generic netlink family
     */
    public static YnlFamily open(YnlSpec spec, java.nio.file.Path netns) {
        Objects.requireNonNull(netns, "netns");
        return open(spec, NetlinkOptions.builder().netns(netns).build());
    }

    /**
     * Opens the family {@code spec} describes on a new connection with {@code options} (for
     * example {@link NetlinkOptions.Builder#netns} to speak to another network namespace).
     *
     * @throws io.netlink4j.genl.GenlFamilyNotFoundException the kernel has no such generic netlink family
     */
    public static YnlFamily open(YnlSpec spec, NetlinkOptions options) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(options, "options");
        return open(spec, NetlinkConnection.open(protocol(spec), options));
    }

    /**
     * Opens the family {@code spec} describes over {@code connection}, which must be of the spec's
     * protocol ({@code NETLINK_GENERIC}, or a {@code netlink-raw} spec's {@code protonum}). The
     * family takes ownership: closing it closes the connection, also when opening fails.
     *
     * @throws io.netlink4j.genl.GenlFamilyNotFoundException the kernel has no such generic netlink family
     */
    public static YnlFamily open(YnlSpec spec, NetlinkConnection connection) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(connection, "connection");
        try {
            return new YnlFamily(spec, connection);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static int protocol(YnlSpec spec) {
        return spec.protocol().isGeneric() ? NetlinkProtocol.GENERIC : spec.protonum().orElse(0);
    }

    /** @return the spec this family follows */
    public YnlSpec spec() {
        return spec;
    }

    /** @return the codec of its messages */
    public YnlCodec codec() {
        return codec;
    }

    /** @return the generic netlink family as the kernel described it; empty for a {@code netlink-raw} spec */
    public Optional<GenlFamily> genlFamily() {
        return Optional.ofNullable(genlFamily);
    }

    /** @return the connection it speaks over */
    public NetlinkConnection connection() {
        return connection;
    }

    /**
     * Sends the {@code do} of {@code operation} with {@code tree} and waits for the ACK; replies
     * are ignored.
     *
     * @throws IllegalArgumentException an operation the spec lacks or without a {@code do} (naming
     *                                  those it has), or a tree its attributes cannot hold
     * @throws YnlException             the kernel refused
     */
    public void execute(String operation, Map<String, ?> tree) {
        execute(operation, tree, 0);
    }

    /**
     * As {@link #execute(String, Map)}, with extra message flags, for example
     * {@code NLM_F_CREATE | NLM_F_EXCL} for a {@code netlink-raw} family's new objects.
     */
    public void execute(String operation, Map<String, ?> tree, int flags) {
        YnlOperation op = operation(operation, false);
        RequestBody body = body(op, tree);
        refused(op, tree, false, () -> {
            if (genl != null) {
                connection.execute(label(op, false), genlFamily.id(), flags, genlBody(op, false, body));
            } else {
                connection.execute(label(op, false), requestType(op, false), flags, body);
            }
            return null;
        });
    }

    /**
     * Sends the {@code do} of {@code operation} with {@code tree} and returns its one reply.
     *
     * @return the reply as a tree (a fixed header's members first, then the attributes)
     * @throws IllegalArgumentException an operation the spec lacks or without a {@code do} (naming
     *                                  those it has), or a tree its attributes cannot hold
     * @throws io.netlink4j.NetlinkDecodeException the kernel acknowledged without a reply
     * @throws YnlException             the kernel refused
     */
    public Map<String, Object> request(String operation, Map<String, ?> tree) {
        return request(operation, tree, 0);
    }

    /** As {@link #request(String, Map)}, with extra message flags. */
    public Map<String, Object> request(String operation, Map<String, ?> tree, int flags) {
        YnlOperation op = operation(operation, false);
        RequestBody body = body(op, tree);
        ReplyDecoder<Map<String, Object>> decoder = decoder(op);
        return refused(op, tree, false, () -> genl != null
                ? connection.request(label(op, false), genlFamily.id(), flags, genlBody(op, false, body), decoder)
                : connection.request(label(op, false), requestType(op, false), flags, body, decoder));
    }

    /**
     * Sends the {@code dump} of {@code operation} with {@code tree} (its filter; empty for none)
     * and returns every reply, in the kernel's order.
     *
     * @throws IllegalArgumentException an operation the spec lacks or without a {@code dump}
     *                                  (naming those it has), or a tree its attributes cannot hold
     * @throws YnlException             the kernel refused
     */
    public List<Map<String, Object>> dump(String operation, Map<String, ?> tree) {
        YnlOperation op = operation(operation, true);
        RequestBody body = body(op, tree);
        ReplyDecoder<Map<String, Object>> decoder = decoder(op);
        return refused(op, tree, true, () -> genl != null
                ? connection.dump(label(op, true), genlFamily.id(), 0, genlBody(op, true, body), decoder)
                : connection.dump(label(op, true), requestType(op, true), 0, body, decoder));
    }

    /**
     * As {@link #dump}, handing each reply to {@code consumer} as it is read (bounded memory; a
     * dump interrupted by the kernel is not made again, see {@link NetlinkConnection#dumpEach}).
     */
    public void dumpEach(String operation, Map<String, ?> tree, Consumer<? super Map<String, Object>> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        YnlOperation op = operation(operation, true);
        RequestBody body = body(op, tree);
        ReplyDecoder<Map<String, Object>> decoder = decoder(op);
        refused(op, tree, true, () -> {
            if (genl != null) {
                connection.dumpEach(label(op, true), genlFamily.id(), 0, genlBody(op, true, body), msg -> {
                    Map<String, Object> m = decoder.decode(msg);
                    if (m != null) {
                        consumer.accept(m);
                    }
                });
            } else {
                connection.dumpEach(label(op, true), requestType(op, true), 0, body, msg -> {
                    Map<String, Object> m = decoder.decode(msg);
                    if (m != null) {
                        consumer.accept(m);
                    }
                });
            }
            return null;
        });
    }

    /**
     * Opens a subscription to the multicast groups {@code groups} of the spec, on a socket of its
     * own in this family's network namespace (the engine's {@code NetlinkSubscription}), whose
     * notifications are decoded by the spec. A generic netlink group's id is the one the kernel
     * gave when this family was opened (no request); a {@code netlink-raw} group's is the spec's
     * {@code value} (rtnetlink's {@code RTNLGRP_*}).
     *
     * @param groups names of the spec's {@code mcast-groups} (none: join later with
     *               {@link YnlSubscription#join})
     * @return the subscription; closing this family does not close it
     * @throws IllegalArgumentException a group the spec (or the kernel's family) lacks; the message
     *                                  lists those there are
     * @throws io.netlink4j.NetlinkErrnoException the socket cannot be opened, or the kernel refused
     */
    public YnlSubscription subscribe(String... groups) {
        Objects.requireNonNull(groups, "groups");
        int[] ids = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            ids[i] = mcastGroupId(Objects.requireNonNull(groups[i], "group"));
        }
        YnlSubscription subscription = new YnlSubscription(this,
                io.netlink4j.engine.NetlinkSubscription.open(protocol(spec), connection.options()));
        try {
            for (String g : groups) {
                subscription.join(g);
            }
            return subscription;
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /**
     * The number of the multicast group {@code group}: for generic netlink the id the kernel gave
     * the group (read when this family was opened), for {@code netlink-raw} the spec's
     * {@code value}.
     *
     * @param group a name of the spec's {@code mcast-groups}
     * @return the group's number
     * @throws IllegalArgumentException the spec, or the kernel's family, has no such group
     */
    public int mcastGroupId(String group) {
        Objects.requireNonNull(group, "group");
        YnlMcastGroup g = spec.mcastGroups().get(group);
        if (g == null) {
            throw new IllegalArgumentException(spec.name() + ": no multicast group " + group + " (expected: "
                    + (spec.mcastGroups().isEmpty() ? "none, the spec has no mcast-groups"
                    : "one of " + String.join(", ", spec.mcastGroups().keySet())) + ")");
        }
        if (genlFamily != null) {
            return genlFamily.group(group).map(GenlFamily.MulticastGroup::id).orElseThrow(() -> new IllegalArgumentException(
                    spec.name() + ": the kernel's family has no multicast group " + group + " (it has: "
                            + genlFamily.groups().stream().map(GenlFamily.MulticastGroup::name).collect(Collectors.joining(", "))
                            + ")"));
        }
        return g.value().orElseThrow(() -> new IllegalArgumentException(
                spec.name() + ": multicast group " + group + " has no value in the spec"));
    }

    /** Closes the connection. */
    @Override
    public void close() {
        if (genl != null) {
            genl.close();
        } else {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "YnlFamily[" + spec.name() + (genlFamily != null ? ", id " + genlFamily.id() : "") + "]";
    }

    // ---------------------------------------------------------------------------------------

    private YnlOperation operation(String name, boolean dump) {
        Objects.requireNonNull(name, "operation");
        YnlOperation op = spec.operations().get(name);
        Predicate<YnlOperation> form = dump ? YnlOperation::hasDump : YnlOperation::hasDo;
        if (op == null || !form.test(op)) {
            String kind = dump ? "dump" : "do";
            String have = spec.operations().values().stream().filter(form).map(YnlOperation::name)
                    .collect(Collectors.joining(", "));
            String what = op == null ? "no operation " + name : "operation " + name + " has no " + kind;
            throw new IllegalArgumentException(spec.name() + ": " + what + " (operations with a " + kind + ": "
                    + (have.isEmpty() ? "none" : have) + ")");
        }
        return op;
    }

    private static String label(YnlOperation op, boolean dump) {
        return op.name() + (dump ? " dump" : " do");
    }

    private static OptionalInt value(YnlOperation op, boolean dump) {
        Optional<YnlMessage> m = dump ? op.dumpRequest() : op.doRequest();
        OptionalInt own = m.map(YnlMessage::value).orElse(OptionalInt.empty());
        return own.isPresent() ? own : op.requestValue();
    }

    private int requestType(YnlOperation op, boolean dump) {
        return value(op, dump).orElseThrow(() -> new IllegalArgumentException(
                spec.name() + ": operation " + op.name() + " has no request message type"));
    }

    private RequestBody body(YnlOperation op, Map<String, ?> tree) {
        Objects.requireNonNull(tree, "tree");
        // Encoded once up front, so that a tree its attributes cannot hold fails before any I/O.
        ByteBuf probe = Unpooled.buffer();
        try {
            codec.encodeMessage(op, tree, new MessageWriter().begin(probe, 0, 0, 0, 0));
        } finally {
            probe.release();
        }
        return w -> codec.encodeMessage(op, tree, w);
    }

    private RequestBody genlBody(YnlOperation op, boolean dump, RequestBody body) {
        int cmd = requestType(op, dump);
        int version = genlFamily.version();
        return w -> {
            Genl.writeHeader(w, cmd, version);
            body.write(w);
        };
    }

    private ReplyDecoder<Map<String, Object>> decoder(YnlOperation op) {
        OptionalInt reply = op.replyValue();
        if (genl != null) {
            return msg -> {
                ByteBuf buf = msg.buffer();
                int start = msg.payloadOffset();
                if (msg.payloadLength() < Genl.HEADER_SIZE) {
                    return null;
                }
                int cmd = buf.getUnsignedByte(start);
                if (reply.isPresent() && cmd != reply.getAsInt()) {
                    return null;
                }
                return codec.decodeMessage(op, buf, start + Genl.HEADER_SIZE, msg.payloadLength() - Genl.HEADER_SIZE);
            };
        }
        return msg -> {
            if (reply.isPresent() && msg.type() != reply.getAsInt()) {
                return null;
            }
            return codec.decodeMessage(op, msg.buffer(), msg.payloadOffset(), msg.payloadLength());
        };
    }

    /**
     * A notification decoded by the operation that describes its message number (see
     * {@link YnlSubscription}), or empty.
     */
    Optional<YnlNotification> notification(io.netlink4j.codec.MessageReader msg) {
        ByteBuf buf = msg.buffer();
        int start = msg.payloadOffset();
        int length = msg.payloadLength();
        int value;
        if (genl != null) {
            if (length < Genl.HEADER_SIZE) {
                return Optional.empty();
            }
            value = buf.getUnsignedByte(start);
            start += Genl.HEADER_SIZE;
            length -= Genl.HEADER_SIZE;
        } else {
            value = msg.type();
        }
        Optional<YnlOperation> op = notificationOperation(value);
        if (op.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new YnlNotification(op.get().name(), codec.decodeMessage(op.get(), buf, start, length)));
    }

    private Optional<YnlOperation> notificationOperation(int value) {
        YnlOperation found = null;
        // As ynl.py: the last notification with that reply number.
        for (YnlOperation o : spec.operations().values()) {
            if (o.isNotification() && o.replyValue().isPresent() && o.replyValue().getAsInt() == value) {
                found = o;
            }
        }
        if (found != null || genl != null) {
            return Optional.ofNullable(found);
        }
        for (YnlOperation o : spec.operations().values()) {
            if (o.attributeSet().isPresent() && value(o, !o.hasDo()).orElse(-1) == value) {
                return Optional.of(o);
            }
        }
        for (YnlOperation o : spec.operations().values()) {
            if (o.attributeSet().isPresent() && o.replyValue().orElse(-1) == value) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    @FunctionalInterface
    private interface Exchange<T> {
        T run();
    }

    private <T> T refused(YnlOperation op, Map<String, ?> tree, boolean dump, Exchange<T> exchange) {
        try {
            return exchange.run();
        } catch (NetlinkErrnoException e) {
            if (e instanceof YnlException) {
                throw e;
            }
            String path = null;
            String missing = null;
            try {
                if (e.extendedAck().offset() >= 0) {
                    path = attributePath(op, tree, dump, e.extendedAck().offset());
                }
                // Named only at the top level: a missing nested attribute's set is not known here.
                if (e.extendedAck().missingType() >= 0 && e.extendedAck().missingNest() < 0
                        && op.attributeSet().isPresent()) {
                    int type = e.extendedAck().missingType();
                    missing = spec.attributeSet(op.attributeSet().get()).attribute(type)
                            .map(YnlAttribute::name).orElse("UnknownAttr(" + type + ")");
                }
            } catch (RuntimeException ignored) {
                // Best effort: the kernel's error stands as it is.
            }
            throw new YnlException(e, path, missing);
        }
    }

    /** The spec path ({@code .a.b}) of the attribute at {@code offset} in the request, or null. */
    private String attributePath(YnlOperation op, Map<String, ?> tree, boolean dump, int offset) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0, 0, 0, 0);
            if (genl != null) {
                Genl.writeHeader(w, requestType(op, dump), genlFamily.version());
            }
            int start = w.messageStart();
            codec.encodeMessage(op, tree, w);
            w.end();
            int attrs = start + Netlink.HEADER_SIZE + (genl != null ? Genl.HEADER_SIZE : 0)
                    + op.fixedHeader().map(h -> (spec.struct(h).size() + 3) & ~3).orElse(0);
            Optional<YnlAttributeSet> set = op.attributeSet().map(spec::attributeSet);
            return set.map(s -> path(buf, attrs, buf.writerIndex(), s, start + offset)).orElse(null);
        } finally {
            buf.release();
        }
    }

    private String path(ByteBuf buf, int from, int to, YnlAttributeSet set, int target) {
        int pos = from;
        while (pos + NetlinkAttribute.HEADER_SIZE <= to) {
            int len = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? buf.getUnsignedShortLE(pos) : buf.getUnsignedShort(pos);
            int type = (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? buf.getUnsignedShortLE(pos + 2) : buf.getUnsignedShort(pos + 2)) & 0x3FFF;
            if (len < NetlinkAttribute.HEADER_SIZE || pos > target) {
                return null;
            }
            Optional<YnlAttribute> a = set.attribute(type);
            String name = a.map(YnlAttribute::name).orElse("UnknownAttr(" + type + ")");
            if (pos == target) {
                return "." + name;
            }
            if (target < pos + len) {
                if (a.isPresent() && a.get().type() == YnlType.NEST && a.get().nestedAttributes().isPresent()) {
                    String sub = path(buf, pos + NetlinkAttribute.HEADER_SIZE, pos + len,
                            spec.attributeSet(a.get().nestedAttributes().get()), target);
                    return sub == null ? "." + name : "." + name + sub;
                }
                return "." + name;
            }
            pos += (len + 3) & ~3;
        }
        return null;
    }
}
