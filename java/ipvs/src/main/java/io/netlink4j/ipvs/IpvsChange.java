// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.Objects;
import java.util.Optional;

/**
 * One step from one IPVS table to another, as {@link IpvsTable#changesTo} computes it: create,
 * update or delete a service or a destination. Immutable.
 */
public final class IpvsChange {

    /** The kinds of change, in the order {@link IpvsTable#changesTo} lists them: an order that applies them safely. */
    public enum Kind {
        /** Remove a destination from a service that stays (IPVS_CMD_DEL_DEST). */
        DEL_DESTINATION,
        /** Remove a service with its destinations (IPVS_CMD_DEL_SERVICE). */
        DEL_SERVICE,
        /** Change a service's settings (IPVS_CMD_SET_SERVICE). */
        UPDATE_SERVICE,
        /** Add a service (IPVS_CMD_NEW_SERVICE). */
        NEW_SERVICE,
        /** Change a destination's settings (IPVS_CMD_SET_DEST). */
        UPDATE_DESTINATION,
        /** Add a destination to a service (IPVS_CMD_NEW_DEST). */
        NEW_DESTINATION;

        /** Whether this kind of change concerns a destination. */
        public boolean isDestinationChange() {
            return this == DEL_DESTINATION || this == UPDATE_DESTINATION || this == NEW_DESTINATION;
        }
    }

    private final Kind kind;
    private final Service service;
    private final Destination destination;
    private final Service previousService;
    private final Destination previousDestination;

    private IpvsChange(Kind kind, Service service, Destination destination, Service previousService, Destination previousDestination) {
        this.kind = kind;
        this.service = Objects.requireNonNull(service, "service");
        this.destination = destination;
        this.previousService = previousService;
        this.previousDestination = previousDestination;
    }

    static IpvsChange createService(Service s) {
        return new IpvsChange(Kind.NEW_SERVICE, s, null, null, null);
    }

    static IpvsChange updateService(Service previous, Service s) {
        return new IpvsChange(Kind.UPDATE_SERVICE, s, null, previous, null);
    }

    static IpvsChange deleteService(Service s) {
        return new IpvsChange(Kind.DEL_SERVICE, s, null, null, null);
    }

    static IpvsChange createDestination(Service s, Destination d) {
        return new IpvsChange(Kind.NEW_DESTINATION, s, d, null, null);
    }

    static IpvsChange updateDestination(Service s, Destination previous, Destination d) {
        return new IpvsChange(Kind.UPDATE_DESTINATION, s, d, null, previous);
    }

    static IpvsChange deleteDestination(Service s, Destination d) {
        return new IpvsChange(Kind.DEL_DESTINATION, s, d, null, null);
    }

    /** What the change does. */
    public Kind kind() {
        return kind;
    }

    /** The service: with its new settings for a service creation or update. */
    public Service service() {
        return service;
    }

    /**
     * The destination of a destination change ({@link Kind#isDestinationChange()}), with its new
     * settings for a creation or update; empty for a service change.
     */
    public Optional<Destination> destination() {
        return Optional.ofNullable(destination);
    }

    /** For {@link Kind#UPDATE_SERVICE}, the settings being replaced; else empty. */
    public Optional<Service> previousService() {
        return Optional.ofNullable(previousService);
    }

    /** For {@link Kind#UPDATE_DESTINATION}, the settings being replaced; else empty. */
    public Optional<Destination> previousDestination() {
        return Optional.ofNullable(previousDestination);
    }

    /** Equal when kind, service, destination and the replaced settings are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof IpvsChange c && kind == c.kind && service.equals(c.service) && Objects.equals(destination, c.destination)
                && Objects.equals(previousService, c.previousService) && Objects.equals(previousDestination, c.previousDestination);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, service, destination, previousService, previousDestination);
    }

    /** {@code IpvsChange[UPDATE_DESTINATION TCP 10.0.0.1:80 -> 10.1.1.2:8080]}: the kind and what it concerns. */
    @Override
    public String toString() {
        return "IpvsChange[" + kind + " " + service.describe() + (destination == null ? "" : " -> " + destination.describe()) + "]";
    }
}
