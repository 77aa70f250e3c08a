// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs.internal;

import io.netlink4j.genl.GenlFamily;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.Service;

import java.lang.invoke.MethodHandles;

/**
 * What code outside {@code io.netlink4j.ipvs} (the codec, the benchmarks) needs of it beyond its
 * API: the 16-byte wire address each value keeps, so that encoding allocates nothing; building
 * from decoded kernel data, which may hold values this library would not send; and the generic
 * netlink family a handle resolved. {@code io.netlink4j.ipvs} installs the one implementation when
 * {@link Service} is initialised; this package is not exported.
 */
public interface IpvsAccess {

    /** The address of an address service as IPVS sends it (16 bytes, not to be changed), or null for a firewall mark. */
    byte[] wireAddress(Service service);

    /** The destination's address as IPVS sends it (16 bytes, not to be changed). */
    byte[] wireAddress(Destination destination);

    /** Builds from decoded kernel data, whose structure and family the codec has already checked. */
    Service decoded(Service.Builder builder);

    /** Builds from decoded kernel data, whose structure and family the codec has already checked. */
    Destination decoded(Destination.Builder builder);

    /** The IPVS generic netlink family {@code handle} resolved when it was opened. */
    GenlFamily family(IpvsHandle handle);

    /** The implementation of {@code io.netlink4j.ipvs}. */
    static IpvsAccess get() {
        IpvsAccess a = Holder.access;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(Service.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            a = Holder.access;
        }
        return a;
    }

    /**
     * Installs the implementation; only {@code io.netlink4j.ipvs} calls this, once.
     *
     * @throws IllegalStateException if one is installed already
     */
    static void install(IpvsAccess access) {
        synchronized (Holder.class) {
            if (Holder.access != null) {
                throw new IllegalStateException("IpvsAccess is installed already");
            }
            Holder.access = access;
        }
    }

    /** The installed implementation. */
    final class Holder {
        private static volatile IpvsAccess access;

        private Holder() {}
    }
}
