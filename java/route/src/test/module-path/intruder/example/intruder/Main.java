// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package example.intruder;

import io.netlink4j.internal.Errors;

/** Uses a class of io.netlink4j.internal, which core exports only to route and ipvs. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println(Errors.class.getName());
    }
}
