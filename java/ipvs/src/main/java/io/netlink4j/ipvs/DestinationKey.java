// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.internal.Addresses;

import java.net.InetAddress;

/** What identifies a destination within its service: family, address and port. Ordered as {@link Destination#IDENTITY_ORDER} documents. */
record DestinationKey(AddressFamily family, InetAddress address, int port) implements Comparable<DestinationKey> {

    @Override
    public int compareTo(DestinationKey o) {
        int r = Integer.compare(family.value(), o.family.value());
        if (r == 0) {
            r = Addresses.compare(address, o.address);
        }
        return r != 0 ? r : Integer.compare(port, o.port);
    }
}
