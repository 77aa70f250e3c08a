// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IPVS sysctl settings of one network namespace as read at one time
 * ({@link IpvsHandle#getSysctls()}): every setting the kernel has, in name order.
 *
 * @param values the values, in name order (the list is copied)
 */
public record IpvsSysctls(List<IpvsSysctlValue> values) {
    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException if a setting appears twice or the values are not in name order
     */
    public IpvsSysctls {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).sysctl().compareTo(values.get(i).sysctl()) >= 0) {
                throw new IllegalArgumentException("values: " + values.get(i).sysctl() + " after " + values.get(i - 1).sysctl()
                        + " (expected: each setting once, in name order)");
            }
        }
    }

    /**
     * The value of {@code sysctl}.
     *
     * @param sysctl the setting
     * @return its value, or empty when the kernel does not have it
     */
    public Optional<IpvsSysctlValue> get(IpvsSysctl sysctl) {
        Objects.requireNonNull(sysctl, "sysctl");
        return values.stream().filter(v -> v.sysctl().equals(sysctl)).findFirst();
    }
}
