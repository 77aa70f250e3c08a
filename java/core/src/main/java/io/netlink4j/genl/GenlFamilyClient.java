// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyDecoder;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.RequestBody;

import java.util.List;
import java.util.Objects;

/**
 * One generic netlink family, addressed by name, that follows the family when the kernel
 * registers it anew: the base of a family client (IPVS and others) on a {@link GenericNetlink}.
 * Get one with {@link GenericNetlink#familyClient(String)}. Safe for use by many threads.
 *
 * <p>A generic netlink family's id is given out by the kernel when the family is registered: a
 * module removed and loaded again (ip_vs, say) comes back under another id (0x20, then 0x21), and
 * the kernel answers a request to an id it no longer knows with ENOENT. So when a request sent
 * here is refused with ENOENT, the client asks nlctrl for the family by name (one
 * CTRL_CMD_GETFAMILY request) and then:
 * <ul>
 *   <li>the family is gone: {@link GenlFamilyNotFoundException} (with the refusal
 *       {@linkplain Throwable#getSuppressed() suppressed}); the client works again once the family
 *       is back;</li>
 *   <li>the family has another id: the request is sent once more, under the new id (the kernel did
 *       nothing with the first one), and the client keeps the new id for every later request;</li>
 *   <li>the family has the same id: the ENOENT was the family's own answer (no such object), and is
 *       thrown as it came; nothing is sent again.</li>
 * </ul>
 *
 * <p>Costs: nothing beyond the request itself while requests succeed or fail with any other errno.
 * An ENOENT costs at most one CTRL_CMD_GETFAMILY request and at most one resend, and less where that
 * is free to know: an ENOENT carrying an {@linkplain NetlinkErrnoException#extendedAck() extended
 * ACK} (a message, an attribute offset) came from the family's own code, since generic netlink
 * refuses an unknown id without one, so it is thrown without a lookup; and when another thread has
 * already found a new id since this request was sent, the request is sent again there without a
 * lookup. A family whose commands answer ENOENT as a matter of course (IPVS: an absent
 * destination, an unknown scheduler) thus pays one small nlctrl request per such refusal. Watching
 * nlctrl's {@code notify} group instead would cost a second socket per client, and would still not
 * tell a refusal apart from a removal for certain: the kernel announces a removed family only after
 * it stopped answering to its id, so a request can be refused before the announcement is queued.
 *
 * <p>A dump or request whose handler already received replies is never sent again: its ENOENT is
 * thrown as it came (the engine counts them: {@link NetlinkErrnoException#repliesDelivered()}). Batches are not followed (a batch reports each request's outcome): build their
 * requests with {@link GenericNetlink#batchRequest} under {@link #family()}, which every followed
 * call keeps up to date, or call {@link #refresh()} first.
 *
 * <p>Every method that talks to the kernel throws {@link io.netlink4j.NetlinkClosedException}
 * once the {@link GenericNetlink} is closed, {@link io.netlink4j.NetlinkTimeoutException} when no
 * answer came in time, and {@link NetlinkErrnoException} when the kernel refused.
 */
public final class GenlFamilyClient {
    private final GenericNetlink genl;
    private final String name;
    /** The family as last resolved; replaced when the kernel registered it anew. */
    private volatile GenlFamily family;

    GenlFamilyClient(GenericNetlink genl, GenlFamily family) {
        this.genl = genl;
        this.name = family.name();
        this.family = family;
    }

    /**
     * The generic netlink connection the client sends on.
     *
     * @return the {@link GenericNetlink} it was made from
     */
    public GenericNetlink genericNetlink() {
        return genl;
    }

    /**
     * The family's name, by which it is looked up again.
     *
     * @return e.g. {@code "IPVS"}
     */
    public String name() {
        return name;
    }

    /**
     * The family as last resolved: when the client was made, or again after the kernel registered
     * it anew. Sends nothing.
     *
     * @return the family, with the id requests go to
     */
    public GenlFamily family() {
        return family;
    }

    /**
     * Sends {@code cmd} and waits for the ACK, following the family as the class describes; see
     * {@link NetlinkConnection#execute(String, int, int, RequestBody)}.
     *
     * @param operation  names the request in exceptions
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @throws GenlFamilyNotFoundException the request was refused with ENOENT and the kernel no
     *                                     longer has the family
     * @throws NetlinkErrnoException       the kernel refused
     */
    public void execute(String operation, int cmd, RequestBody attributes) {
        send(operation, cmd, attributes, null, false, (g, op, f, c, a, none) -> {
            g.execute(op, f, c, a);
            return null;
        });
    }

    /**
     * Sends {@code cmd} and returns its one reply, decoded, following the family as the class
     * describes; see {@link NetlinkConnection#request}.
     *
     * @param operation  names the request in exceptions
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param decoder    turns the reply into a value
     * @param <T>        the type of the value
     * @return the decoded reply
     * @throws GenlFamilyNotFoundException           the request was refused with ENOENT and the
     *                                               kernel no longer has the family
     * @throws NetlinkErrnoException                 the kernel refused
     * @throws io.netlink4j.NetlinkDecodeException  acknowledged without a reply
     */
    public <T> T request(String operation, int cmd, RequestBody attributes, ReplyDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return send(operation, cmd, attributes, decoder, false, GenericNetlink::request);
    }

    /**
     * Dumps {@code cmd} into a list, following the family as the class describes; see
     * {@link NetlinkConnection#dump}: made again after an interruption or overrun, up to
     * {@link NetlinkOptions#dumpAttempts()} times.
     *
     * @param operation  names the dump in exceptions
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param decoder    turns each reply into a value
     * @param <T>        the type of the values
     * @return the decoded replies, in order
     * @throws GenlFamilyNotFoundException                   the dump was refused with ENOENT and
     *                                                       the kernel no longer has the family
     * @throws NetlinkErrnoException                         the kernel refused
     * @throws io.netlink4j.NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR in every attempt
     * @throws io.netlink4j.NetlinkOverrunException         messages were lost to ENOBUFS in every attempt
     */
    public <T> List<T> dump(String operation, int cmd, RequestBody attributes, ReplyDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return send(operation, cmd, attributes, decoder, false, GenericNetlink::dump);
    }

    /**
     * Sends {@code cmd} and waits for the ACK; replies go to {@code handler}. Followed as the class
     * describes unless {@code handler} already received a reply.
     *
     * @param operation  names the request in exceptions
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param handler    receives each reply, in place
     * @throws GenlFamilyNotFoundException the request was refused with ENOENT and the kernel no
     *                                     longer has the family
     * @throws NetlinkErrnoException       the kernel refused
     */
    public void execute(String operation, int cmd, RequestBody attributes, ReplyHandler handler) {
        Objects.requireNonNull(handler, "handler");
        send(operation, cmd, attributes, handler, true, (g, op, f, c, a, h) -> {
            g.execute(op, f, c, a, h);
            return null;
        });
    }

    /**
     * Dumps {@code cmd}; each reply goes to {@code handler}, in bounded memory. Never restarted
     * once {@code handler} received a reply; followed as the class describes before that.
     *
     * @param operation  names the dump in exceptions
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param handler    receives each reply, in place
     * @throws GenlFamilyNotFoundException                   the dump was refused with ENOENT and
     *                                                       the kernel no longer has the family
     * @throws NetlinkErrnoException                         the kernel refused
     * @throws io.netlink4j.NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR
     * @throws io.netlink4j.NetlinkOverrunException         messages were lost to ENOBUFS
     */
    public void dumpEach(String operation, int cmd, RequestBody attributes, ReplyHandler handler) {
        Objects.requireNonNull(handler, "handler");
        send(operation, cmd, attributes, handler, true, (g, op, f, c, a, h) -> {
            g.dumpEach(op, f, c, a, h);
            return null;
        });
    }

    /**
     * Looks the family up again now (one CTRL_CMD_GETFAMILY request) and keeps what was found.
     *
     * @return the family as the kernel has it now
     * @throws GenlFamilyNotFoundException the kernel no longer has the family (the client keeps the
     *                                     family it had, and works again once the family is back)
     * @throws NetlinkErrnoException       the kernel refused otherwise
     */
    public GenlFamily refresh() {
        GenlFamily now = genl.refreshFamily(name);
        family = now;
        return now;
    }

    /**
     * One of the five ways to send, as {@link GenericNetlink} has them: {@code extra} is the
     * decoder or handler, passed through. The send methods give it as a lambda that captures
     * nothing, so that a call allocates no object for it.
     */
    @FunctionalInterface
    private interface Send<X, R> {
        R send(GenericNetlink genl, String operation, GenlFamily family, int cmd, RequestBody attributes, X extra);
    }

    /**
     * Sends under the family as last resolved and, when the kernel refuses, once more under the
     * family {@link #followed} returns (or throws what it throws).
     *
     * @param streamed whether {@code extra} is the caller's handler, which a resend would give the
     *                 same replies again: then nothing is sent again once it received one
     */
    private <X, R> R send(String operation, int cmd, RequestBody attributes, X extra, boolean streamed, Send<X, R> send) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(attributes, "attributes");
        GenlFamily used = family;
        try {
            return send.send(genl, operation, used, cmd, attributes, extra);
        } catch (NetlinkErrnoException e) {
            return send.send(genl, operation, followed(used, e, streamed && e.repliesDelivered() > 0), cmd, attributes, extra);
        }
    }

    /**
     * The family to send a refused request to once more, or the refusal itself thrown when it is
     * not to be sent again: see the class comment.
     *
     * @param delivered whether the caller's handler already received replies of the request
     */
    private GenlFamily followed(GenlFamily used, NetlinkErrnoException refusal, boolean delivered) {
        if (refusal.errno() != Errno.ENOENT || delivered || refusal.extendedAck().isPresent()
                || refusal instanceof GenlFamilyNotFoundException) {
            throw refusal;
        }
        GenlFamily known = family;
        if (known.id() != used.id()) {
            return known;
        }
        GenlFamily now;
        try {
            now = refresh();
        } catch (GenlFamilyNotFoundException e) {
            GenlFamilyNotFoundException gone = new GenlFamilyNotFoundException(name,
                    "it is no longer registered (was its kernel module removed?); requests work again once it is back", e);
            gone.addSuppressed(refusal);
            throw gone;
        }
        if (now.id() == used.id()) {
            throw refusal;
        }
        return now;
    }

    /**
     * The family's name and the id requests go to.
     *
     * @return e.g. {@code GenlFamilyClient[IPVS, id 0x20]}
     */
    @Override
    public String toString() {
        return "GenlFamilyClient[" + name + ", id 0x" + Integer.toHexString(family.id()) + "]";
    }
}
