// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.util.Objects;

/**
 * The kernel flagged a dump with NLM_F_DUMP_INTR: the object set changed while it was dumped, so
 * the result may miss or repeat entries. The dump was drained to its end before this was thrown.
 * Not an errno failure: dump again (list-returning dumps are restarted by the engine, see
 * {@code NetlinkConnection.dump}).
 */
public class NetlinkDumpInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** What was being done. */
    private final String operation;

    /**
     * An interruption of the dump {@code operation}.
     *
     * @param operation the dump, e.g. {@code "nlctrl GETFAMILY dump"}
     */
    public NetlinkDumpInterruptedException(String operation) {
        super(Objects.requireNonNull(operation, "operation")
                + ": dump interrupted (NLM_F_DUMP_INTR): the kernel's table changed during the dump");
        this.operation = operation;
    }

    /**
     * The dump that was interrupted.
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }
}
