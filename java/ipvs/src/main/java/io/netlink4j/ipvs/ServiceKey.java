// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.internal.Addresses;

import java.net.InetAddress;

/**
 * What identifies a service: its family and firewall mark, or its family, protocol, address and
 * port (the others null or 0). Ordered as {@link Service#IDENTITY_ORDER} documents.
 */
record ServiceKey(AddressFamily family, long fwMark, Protocol protocol, InetAddress address, int port)
        implements Comparable<ServiceKey> {

    @Override
    public int compareTo(ServiceKey o) {
        int r = Long.compare(fwMark, o.fwMark);
        if (r == 0) {
            r = Integer.compare(family.value(), o.family.value());
        }
        if (r == 0) {
            r = Integer.compare(protocol == null ? 0 : protocol.value(), o.protocol == null ? 0 : o.protocol.value());
        }
        if (r == 0) {
            r = Addresses.compare(address, o.address);
        }
        return r != 0 ? r : Integer.compare(port, o.port);
    }
}
