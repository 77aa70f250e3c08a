// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.route.Link;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links of a namespace by index, for naming the links that others refer to: a veth's peer
 * (IFLA_LINK), a bridge port's master, an address's device. As in iproute2, an index that is not
 * known is named {@code ifN}, and a link whose parent is down or not known gets the flag
 * {@code M-DOWN}.
 */
final class LinkTable {
    private final Map<Integer, Link> links = new HashMap<>();

    LinkTable(Collection<Link> links) {
        reset(links);
    }

    /** Forgets every link and records {@code all}. */
    void reset(Collection<Link> all) {
        links.clear();
        all.forEach(this::put);
    }

    /** Records a link (replacing the one with its index); returns whether a link with that index was known. */
    boolean put(Link link) {
        return links.put(link.index(), link) != null;
    }

    /** Forgets the link with that index; returns whether it was known. */
    boolean remove(int index) {
        return links.remove(index) != null;
    }

    int size() {
        return links.size();
    }

    /** The name of the link with that index, or {@code ifN} when it is not known. */
    String name(int index) {
        Link link = links.get(index);
        return link != null ? link.name() : "if" + index;
    }

    /**
     * What follows the name after {@code @}: the parent's name, or {@code ifN} for a parent in
     * another namespace; null for a link without a parent.
     */
    String parent(Link link) {
        if (link.parentIndex() == 0) {
            return null;
        }
        return link.linkNetnsId() >= 0 ? "if" + link.parentIndex() : name(link.parentIndex());
    }

    /** The flags as iproute2 shows them: {@link Iproute2Names#linkFlags(int)}, then M-DOWN for a parent here that is down or unknown. */
    List<String> flags(Link link) {
        List<String> flags = Iproute2Names.linkFlags(link.flags());
        if (link.parentIndex() != 0 && link.linkNetnsId() < 0) {
            Link parent = links.get(link.parentIndex());
            if (parent == null || !parent.isUp()) {
                flags.add("M-DOWN");
            }
        }
        return flags;
    }
}
