// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.Service;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;

/**
 * The order ipvsadm lists services and destinations in: libipvs's comparisons sorted by glibc's
 * merge sort. The comparisons subtract unsigned 32-bit words and keep the low 32 bits as a signed
 * int, so addresses more than 2^31 apart compare "backwards" (200.0.0.1 before 10.0.0.1), and the
 * result depends on the sort algorithm; both are reproduced for byte-identical listings.
 */
final class IpvsadmOrder {
    private IpvsadmOrder() {}

    /** ipvs_cmp_services: firewall mark, family, protocol, address, port. */
    static final Comparator<Service> SERVICES = (a, b) -> {
        int r = (int) (a.fwMark() - b.fwMark());
        if (r != 0) {
            return r;
        }
        r = a.addressFamily().value() - b.addressFamily().value();
        if (r != 0) {
            return r;
        }
        r = protocolNumber(a) - protocolNumber(b);
        if (r != 0) {
            return r;
        }
        r = compareWords(a.addressFamily(), a.address(), b.address());
        return r != 0 ? r : a.port() - b.port();
    };

    /** ipvs_cmp_dests: address (as wide as the first one's family), port. */
    static final Comparator<Destination> DESTINATIONS = (a, b) -> {
        int r = compareWords(a.addressFamily(), a.address(), b.address());
        return r != 0 ? r : a.port() - b.port();
    };

    /** Sorts {@code list} in place as glibc's qsort (a top-down merge sort) does. */
    static <T> void sort(List<T> list, Comparator<? super T> cmp) {
        @SuppressWarnings("unchecked")
        T[] a = (T[]) list.toArray();
        @SuppressWarnings("unchecked")
        T[] tmp = (T[]) new Object[a.length];
        mergeSort(a, 0, a.length, tmp, cmp);
        for (int i = 0; i < a.length; i++) {
            list.set(i, a[i]);
        }
    }

    private static <T> void mergeSort(T[] b, int from, int n, T[] tmp, Comparator<? super T> cmp) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        mergeSort(b, from, n1, tmp, cmp);
        mergeSort(b, from + n1, n2, tmp, cmp);
        int i = from;
        int j = from + n1;
        int k = 0;
        while (n1 > 0 && n2 > 0) {
            if (cmp.compare(b[i], b[j]) <= 0) {
                tmp[k++] = b[i++];
                n1--;
            } else {
                tmp[k++] = b[j++];
                n2--;
            }
        }
        while (n1-- > 0) {
            tmp[k++] = b[i++];
        }
        // Whatever is left of the second half is already in place.
        System.arraycopy(tmp, 0, b, from, k);
    }

    private static int protocolNumber(Service s) {
        return s.protocol() == null ? 0 : s.protocol().value();
    }

    /** Compares one word (IPv4) or four (IPv6) of the two 16-byte wire addresses, the C way. */
    private static int compareWords(AddressFamily family, InetAddress a, InetAddress b) {
        int words = family.equals(AddressFamily.INET6) ? 4 : 1;
        byte[] x = a == null ? new byte[0] : a.getAddress();
        byte[] y = b == null ? new byte[0] : b.getAddress();
        int r = 0;
        for (int i = 0; r == 0 && i < words; i++) {
            r = word(x, i) - word(y, i);
        }
        return r;
    }

    private static int word(byte[] address, int index) {
        int at = 4 * index;
        if (at + 4 > address.length) {
            return 0;
        }
        return ((address[at] & 0xFF) << 24) | ((address[at + 1] & 0xFF) << 16) | ((address[at + 2] & 0xFF) << 8) | (address[at + 3] & 0xFF);
    }
}
