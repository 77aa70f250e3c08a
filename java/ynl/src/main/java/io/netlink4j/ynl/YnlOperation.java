// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An operation: a command with a {@code do} and/or {@code dump} form, or a notification
 * ({@code notify:} or {@code event:}).
 *
 * @param name         its name
 * @param requestValue the message number (generic netlink: the command) of its requests; empty
 *                     for a notification
 * @param replyValue   the message number of its replies and notifications; empty when it has none
 * @param attributeSet the attribute set of its messages' top-level attributes
 * @param fixedHeader  the struct that follows the netlink (and generic netlink) header, if any
 * @param doRequest    the request of its do form
 * @param doReply      the reply of its do form
 * @param dumpRequest  the request of its dump form
 * @param dumpReply    the replies of its dump form
 * @param notifies       for a notification, the operation whose reply it repeats
 * @param event        for an event, its attributes
 * @param mcastGroup   for a notification, the multicast group it is sent to
 * @param flags        its flags ({@code admin-perm})
 * @param doc          its documentation, empty when none
 */
public record YnlOperation(String name, OptionalInt requestValue, OptionalInt replyValue,
                           Optional<String> attributeSet, Optional<String> fixedHeader,
                           Optional<YnlMessage> doRequest, Optional<YnlMessage> doReply,
                           Optional<YnlMessage> dumpRequest, Optional<YnlMessage> dumpReply,
                           Optional<String> notifies, Optional<YnlMessage> event, Optional<String> mcastGroup,
                           List<String> flags, String doc) {
    /** Checks and copies the components. */
    public YnlOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestValue, "requestValue");
        Objects.requireNonNull(replyValue, "replyValue");
        Objects.requireNonNull(attributeSet, "attributeSet");
        Objects.requireNonNull(fixedHeader, "fixedHeader");
        Objects.requireNonNull(doRequest, "doRequest");
        Objects.requireNonNull(doReply, "doReply");
        Objects.requireNonNull(dumpRequest, "dumpRequest");
        Objects.requireNonNull(dumpReply, "dumpReply");
        Objects.requireNonNull(notifies, "notifies");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(mcastGroup, "mcastGroup");
        flags = List.copyOf(flags);
        Objects.requireNonNull(doc, "doc");
    }

    /** @return whether it has a {@code do} form */
    public boolean hasDo() {
        return doRequest.isPresent() || doReply.isPresent();
    }

    /** @return whether it has a {@code dump} form */
    public boolean hasDump() {
        return dumpRequest.isPresent() || dumpReply.isPresent();
    }

    /** @return whether it is a notification ({@code notify:} or {@code event:}) */
    public boolean isNotification() {
        return notifies.isPresent() || event.isPresent();
    }
}
