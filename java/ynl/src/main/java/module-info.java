// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/**
 * The kernel's netlink specifications (YNL) in {@code io.netlink4j.ynl}: specs loaded and validated
 * against the format's own schemas, and a codec that encodes and decodes any described family's
 * attributes as a tree of plain Java values, and a dynamic client that speaks any described family
 * by operation name, with notifications by multicast group. The kernel's own specs are in the
 * {@code netlink4j-ynl-specs} artifact ({@link io.netlink4j.ynl.YnlSpecs}). Its API is experimental
 * until netlink4j 1.0.0: a minor release may change it.
 */
module io.netlink4j.ynl {
    requires transitive io.netlink4j.core;
    requires org.snakeyaml.engine;
    requires com.networknt.schema;
    requires tools.jackson.databind;

    exports io.netlink4j.ynl;
}
