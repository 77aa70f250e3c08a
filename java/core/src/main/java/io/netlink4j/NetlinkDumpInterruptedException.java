// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/**
 * The kernel flagged a dump with NLM_F_DUMP_INTR: the object set changed while it was dumped, so
 * the result may miss or repeat entries. The dump was drained to its end before this was thrown.
 */
public class NetlinkDumpInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkDumpInterruptedException(String operation) {
        super(operation + ": dump interrupted (NLM_F_DUMP_INTR): the kernel's table changed during the dump");
    }
}
