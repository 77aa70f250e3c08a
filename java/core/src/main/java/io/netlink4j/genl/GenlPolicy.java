// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The attribute policies of a generic netlink family (CTRL_CMD_GETPOLICY): for each policy index,
 * the rule for each attribute type; and for each command, the policy index of its do and dump
 * requests.
 *
 * @param family   the family name
 * @param policies policy index → attribute type → rule, in ascending order of both keys
 * @param commands command number → the policies of its do and dump requests, in ascending order
 */
public record GenlPolicy(String family, Map<Integer, Map<Integer, AttributePolicy>> policies, Map<Integer, CommandPolicy> commands) {

    /**
     * Copies the maps into unmodifiable sorted maps.
     *
     * @param family   the family name
     * @param policies policy index → attribute type → rule
     * @param commands command number → the policies of its requests
     * @throws NullPointerException if an argument, key or value is null
     */
    public GenlPolicy {
        Objects.requireNonNull(family, "family");
        TreeMap<Integer, Map<Integer, AttributePolicy>> p = new TreeMap<>();
        Objects.requireNonNull(policies, "policies").forEach((index, rules) ->
                p.put(Objects.requireNonNull(index, "policy index"),
                        Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(rules, "rules")))));
        policies = Collections.unmodifiableMap(p);
        commands = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(commands, "commands")));
    }

    /**
     * The policies of one command's requests, as indexes into {@link GenlPolicy#policies()}.
     *
     * @param doPolicy   the policy of its do request, or -1 if it has none
     * @param dumpPolicy the policy of its dump request, or -1 if it has none
     */
    public record CommandPolicy(int doPolicy, int dumpPolicy) {
        /**
         * Validates the indexes.
         *
         * @param doPolicy   the policy of its do request, or -1
         * @param dumpPolicy the policy of its dump request, or -1
         * @throws IllegalArgumentException if an index is below -1
         */
        public CommandPolicy {
            if (doPolicy < -1) {
                throw new IllegalArgumentException("do policy: " + doPolicy + " (expected: >= 0, or -1 for none)");
            }
            if (dumpPolicy < -1) {
                throw new IllegalArgumentException("dump policy: " + dumpPolicy + " (expected: >= 0, or -1 for none)");
            }
        }
    }

    /** Names of netlink_attribute_type, by value. */
    static final List<String> TYPE_NAMES = List.of("invalid", "flag", "u8", "u16", "u32", "u64", "s8", "s16", "s32",
            "s64", "binary", "string", "nul-string", "nested", "nested-array", "bitfield32", "sint", "uint");

    /** NL_POLICY_TYPE_ATTR_* names, by value. */
    static final List<String> CONSTRAINT_NAMES = List.of("", "type", "min-value", "max-value", "min-value", "max-value",
            "min-length", "max-length", "policy-idx", "policy-maxtype", "bitfield32-mask", "pad", "mask");

    /**
     * The rule for one attribute.
     *
     * @param attribute   the attribute type
     * @param type        the attribute's netlink type ("u32", "string", "nested", ...)
     * @param constraints range, length and nesting constraints by name (min-value, max-length, policy-idx, ...)
     */
    public record AttributePolicy(int attribute, String type, Map<String, Long> constraints) {
        /**
         * Copies the constraints into an unmodifiable map that keeps their order.
         *
         * @param attribute   the attribute type
         * @param type        the attribute's netlink type
         * @param constraints constraints by name
         * @throws NullPointerException if {@code type} or {@code constraints} is null
         */
        public AttributePolicy {
            Objects.requireNonNull(type, "type");
            constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
        }
    }

    static final class Builder {
        private final String family;
        private final Map<Integer, Map<Integer, AttributePolicy>> policies = new TreeMap<>();
        private final Map<Integer, int[]> commands = new TreeMap<>();

        Builder(String family) {
            this.family = family;
        }

        void add(MessageReader msg) {
            AttributeReader attrs = Genl.attributes(msg, 0, new AttributeReader());
            while (attrs.next()) {
                if (attrs.type() == Genl.CTRL_ATTR_POLICY) {
                    AttributeReader byIndex = attrs.nested();
                    while (byIndex.next()) {
                        int index = byIndex.type();
                        AttributeReader byAttr = byIndex.nested();
                        while (byAttr.next()) {
                            policies.computeIfAbsent(index, k -> new TreeMap<>())
                                    .put(byAttr.type(), decodeRule(byAttr.type(), byAttr.nested()));
                        }
                    }
                } else if (attrs.type() == Genl.CTRL_ATTR_OP_POLICY) {
                    AttributeReader byCmd = attrs.nested();
                    while (byCmd.next()) {
                        int[] pair = commands.computeIfAbsent(byCmd.type(), k -> new int[] {-1, -1});
                        AttributeReader p = byCmd.nested();
                        while (p.next()) {
                            if (p.type() == 1) {
                                pair[0] = policyIndex(p.u32());
                            } else if (p.type() == 2) {
                                pair[1] = policyIndex(p.u32());
                            }
                        }
                    }
                }
            }
        }

        private static int policyIndex(int u32) {
            if (u32 < 0) {
                throw new NetlinkDecodeException("policy index " + Integer.toUnsignedString(u32)
                        + " (expected: 0-" + Integer.MAX_VALUE + ")");
            }
            return u32;
        }

        private static AttributePolicy decodeRule(int attribute, AttributeReader r) {
            String type = "unknown";
            Map<String, Long> constraints = new LinkedHashMap<>();
            while (r.next()) {
                int t = r.type();
                switch (t) {
                    case 1 -> {
                        int v = r.u32();
                        type = v >= 0 && v < TYPE_NAMES.size() ? TYPE_NAMES.get(v) : "type#" + v;
                    }
                    case 2, 3, 4, 5, 12 -> constraints.put(CONSTRAINT_NAMES.get(t), r.payloadLength() == 8 ? r.u64() : r.uint());
                    case 6, 7, 8, 9, 10 -> constraints.put(CONSTRAINT_NAMES.get(t), Integer.toUnsignedLong(r.u32()));
                    default -> { }
                }
            }
            return new AttributePolicy(attribute, type, constraints);
        }

        GenlPolicy build() {
            Map<Integer, CommandPolicy> byCommand = new TreeMap<>();
            commands.forEach((cmd, pair) -> byCommand.put(cmd, new CommandPolicy(pair[0], pair[1])));
            return new GenlPolicy(family, policies, byCommand);
        }
    }
}
