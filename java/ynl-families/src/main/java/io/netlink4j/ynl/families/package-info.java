// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/**
 * Typed clients of kernel families, generated at build time from the kernel's YNL specs by
 * netlink4j-ynl-maven-plugin: {@code io.netlink4j.ynl.families.netdev} ({@code NetdevClient}),
 * {@code io.netlink4j.ynl.families.ethtool} ({@code EthtoolClient}) and
 * {@code io.netlink4j.ynl.families.rtroute} ({@code RtRouteClient}). See docs/ynl.md.
 */
package io.netlink4j.ynl.families;
