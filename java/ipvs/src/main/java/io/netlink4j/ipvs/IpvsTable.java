// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A whole IPVS table: services, each with its destinations. Read one from the kernel with
 * {@link IpvsHandle#getTable()}, build the one you want with {@link #builder()}, and let
 * {@link #changesTo} or {@link IpvsHandle#sync} work out the difference, the way a load-balancer
 * controller reconciles its desired state every few seconds.
 *
 * <p>A service is identified by its firewall mark, or by protocol, address and port (plus the
 * address family); a destination within its service by address and port. A table holds each
 * identity at most once. Services and destinations keep the order they were added in. Immutable
 * and safe to share between threads.
 *
 * <pre>{@code
 * IpvsTable desired = IpvsTable.builder()
 *         .add(web, List.of(backend1, backend2))
 *         .add(dns, List.of(resolver))
 *         .build();
 * IpvsBatch.Result result = ipvs.sync(desired);   // only what differs is sent
 * }</pre>
 */
public final class IpvsTable {
    private static final IpvsTable EMPTY = new IpvsTable(new LinkedHashMap<>());

    private final Map<ServiceKey, Entry> entries;

    private record Entry(Service service, Map<DestinationKey, Destination> destinations) {
    }

    private IpvsTable(LinkedHashMap<ServiceKey, Entry> entries) {
        this.entries = entries;
    }

    /** A table without services. */
    public static IpvsTable empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The services, in the order they were added. */
    public List<Service> services() {
        List<Service> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(e.service());
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the table has a service with the identity of {@code service}; its settings are not compared. */
    public boolean contains(Service service) {
        return entries.containsKey(new ServiceKey(Objects.requireNonNull(service, "service")));
    }

    /** The service of this table with the identity of {@code service}, or null. */
    public Service service(Service service) {
        Entry e = entries.get(new ServiceKey(Objects.requireNonNull(service, "service")));
        return e == null ? null : e.service();
    }

    /**
     * The destinations of the service with the identity of {@code service}, in the order they were
     * added.
     *
     * @throws IllegalArgumentException if the table has no such service
     */
    public List<Destination> destinations(Service service) {
        Entry e = entries.get(new ServiceKey(Objects.requireNonNull(service, "service")));
        if (e == null) {
            throw new IllegalArgumentException("service " + service.describe() + " is not in the table (expected: one of its "
                    + entries.size() + " services)");
        }
        return List.copyOf(e.destinations().values());
    }

    public int serviceCount() {
        return entries.size();
    }

    public int destinationCount() {
        int n = 0;
        for (Entry e : entries.values()) {
            n += e.destinations().size();
        }
        return n;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * What turns this table into {@code target}, and nothing more: a change for every service or
     * destination that is missing, surplus or has other settings. Counters and connection counts
     * are not settings and are never compared. The changes come in the order that applies them
     * safely: destination deletions, service deletions, service updates, service creations,
     * destination updates, destination creations (a new service's destinations after it). A
     * destination of a deleted service is deleted with it, not on its own. Empty when the two
     * tables have the same settings.
     */
    public List<IpvsChange> changesTo(IpvsTable target) {
        Objects.requireNonNull(target, "target");
        List<IpvsChange> deleteDestinations = new ArrayList<>();
        List<IpvsChange> deleteServices = new ArrayList<>();
        List<IpvsChange> updateServices = new ArrayList<>();
        List<IpvsChange> createServices = new ArrayList<>();
        List<IpvsChange> updateDestinations = new ArrayList<>();
        List<IpvsChange> createDestinations = new ArrayList<>();
        for (Map.Entry<ServiceKey, Entry> mine : entries.entrySet()) {
            Entry wanted = target.entries.get(mine.getKey());
            Service service = mine.getValue().service();
            if (wanted == null) {
                deleteServices.add(IpvsChange.deleteService(service));
                continue;
            }
            for (Map.Entry<DestinationKey, Destination> d : mine.getValue().destinations().entrySet()) {
                if (!wanted.destinations().containsKey(d.getKey())) {
                    deleteDestinations.add(IpvsChange.deleteDestination(wanted.service(), d.getValue()));
                }
            }
        }
        for (Map.Entry<ServiceKey, Entry> wanted : target.entries.entrySet()) {
            Entry mine = entries.get(wanted.getKey());
            Service service = wanted.getValue().service();
            if (mine == null) {
                createServices.add(IpvsChange.createService(service));
                for (Destination d : wanted.getValue().destinations().values()) {
                    createDestinations.add(IpvsChange.createDestination(service, d));
                }
                continue;
            }
            if (!mine.service().sameSettings(service)) {
                updateServices.add(IpvsChange.updateService(mine.service(), service));
            }
            for (Map.Entry<DestinationKey, Destination> d : wanted.getValue().destinations().entrySet()) {
                Destination current = mine.destinations().get(d.getKey());
                if (current == null) {
                    createDestinations.add(IpvsChange.createDestination(service, d.getValue()));
                } else if (!current.sameSettings(d.getValue())) {
                    updateDestinations.add(IpvsChange.updateDestination(service, current, d.getValue()));
                }
            }
        }
        List<IpvsChange> out = new ArrayList<>(deleteDestinations.size() + deleteServices.size() + updateServices.size()
                + createServices.size() + updateDestinations.size() + createDestinations.size());
        out.addAll(deleteDestinations);
        out.addAll(deleteServices);
        out.addAll(updateServices);
        out.addAll(createServices);
        out.addAll(updateDestinations);
        out.addAll(createDestinations);
        return Collections.unmodifiableList(out);
    }

    /**
     * The services of this table that {@code scope} accepts, with their destinations, in the same
     * order. For a controller that owns only part of the kernel's table (the services it created,
     * a range of addresses, a set of firewall marks):
     * {@code ipvs.getTable().filter(owned).changesTo(desired)} never touches the rest.
     */
    public IpvsTable filter(Predicate<? super Service> scope) {
        Objects.requireNonNull(scope, "scope");
        LinkedHashMap<ServiceKey, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<ServiceKey, Entry> e : entries.entrySet()) {
            if (scope.test(e.getValue().service())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out.size() == entries.size() ? this : out.isEmpty() ? EMPTY : new IpvsTable(out);
    }

    /** Whether this table and {@code other} hold the same services and destinations with the same settings. */
    public boolean sameSettings(IpvsTable other) {
        return changesTo(other).isEmpty();
    }

    /** Equal when both hold the same services and destinations, counters included, in any order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IpvsTable t) || t.entries.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<ServiceKey, Entry> e : entries.entrySet()) {
            Entry other = t.entries.get(e.getKey());
            if (other == null || !other.service().equals(e.getValue().service())
                    || !other.destinations().equals(e.getValue().destinations())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Entry e : entries.values()) {
            h += e.service().hashCode() ^ e.destinations().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return "IpvsTable[" + entries.size() + " services, " + destinationCount() + " destinations]";
    }

    /** Builds a table; each service and each destination of a service may be added once. Not thread safe. */
    public static final class Builder {
        private LinkedHashMap<ServiceKey, Pending> entries = new LinkedHashMap<>();

        private record Pending(Service service, LinkedHashMap<DestinationKey, Destination> destinations) {
        }

        private Builder() {
        }

        /**
         * Adds a service and its destinations.
         *
         * @throws IllegalArgumentException if the table already has the service, or if
         *                                  {@code destinations} names a destination twice; the
         *                                  builder is then as it was
         */
        public Builder add(Service service, Collection<Destination> destinations) {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destinations, "destinations");
            check();
            ServiceKey key = new ServiceKey(service);
            if (entries.containsKey(key)) {
                throw new IllegalArgumentException("service " + service.describe() + " added twice (expected: each service once)");
            }
            LinkedHashMap<DestinationKey, Destination> ds = new LinkedHashMap<>();
            for (Destination d : destinations) {
                put(ds, service, Objects.requireNonNull(d, "destination"));
            }
            entries.put(key, new Pending(service, ds));
            return this;
        }

        /** Adds a service and its destinations. */
        public Builder add(Service service, Destination... destinations) {
            return add(service, List.of(Objects.requireNonNull(destinations, "destinations")));
        }

        /**
         * Adds a destination to a service added before (only the service's identity is used, as
         * in an {@code ipvsadm -a} line).
         *
         * @throws IllegalArgumentException if the service has not been added, or already has the destination
         */
        public Builder addDestination(Service service, Destination destination) {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
            check();
            Pending p = entries.get(new ServiceKey(service));
            if (p == null) {
                throw new IllegalArgumentException("destination " + destination.describe() + " for service " + service.describe()
                        + ", which is not in the table (expected: the service added first)");
            }
            put(p.destinations(), p.service(), destination);
            return this;
        }

        /**
         * Adds each service of {@code services} with its destinations, in the map's order.
         *
         * @throws IllegalArgumentException as {@link #add(Service, Collection)} does (the map's keys
         *                                  differ in settings, so two of them may name one service);
         *                                  the builder is then as it was
         */
        public Builder addAll(Map<Service, ? extends Collection<Destination>> services) {
            Objects.requireNonNull(services, "services");
            check();
            LinkedHashMap<ServiceKey, Pending> before = new LinkedHashMap<>(entries);
            try {
                services.forEach(this::add);
            } catch (RuntimeException e) {
                entries = before;
                throw e;
            }
            return this;
        }

        /**
         * Adds a service as a dump reports it: a service or destination the dump repeats (IPVS
         * dumps resume by position, so a table changing during the dump can repeat an entry)
         * replaces the earlier copy instead of being refused.
         */
        Builder addReported(Service service, Collection<Destination> destinations) {
            check();
            LinkedHashMap<DestinationKey, Destination> ds = new LinkedHashMap<>();
            for (Destination d : destinations) {
                ds.put(new DestinationKey(d), d);
            }
            entries.put(new ServiceKey(service), new Pending(service, ds));
            return this;
        }

        /** The table; the builder cannot be used afterwards. */
        public IpvsTable build() {
            check();
            LinkedHashMap<ServiceKey, Entry> out = new LinkedHashMap<>();
            // The maps are never changed after this and never leave the table (unwrapped: iterating
            // an unmodifiable view allocates a wrapper per entry, on the comparison's hot path).
            entries.forEach((k, p) -> out.put(k, new Entry(p.service(), p.destinations())));
            entries = null;
            return out.isEmpty() ? EMPTY : new IpvsTable(out);
        }

        private static void put(LinkedHashMap<DestinationKey, Destination> ds, Service service, Destination d) {
            if (d.addressFamily() != service.addressFamily() && d.forwardingMethod() != ForwardingMethod.TUNNEL) {
                throw new IllegalArgumentException("destination " + d.describe() + " is " + d.addressFamily() + " but service "
                        + service.describe() + " is " + service.addressFamily()
                        + " (expected: the service's family, or TUNNEL forwarding, which the kernel allows across families)");
            }
            if (ds.putIfAbsent(new DestinationKey(d), d) != null) {
                throw new IllegalArgumentException("destination " + d.describe() + " of service " + service.describe()
                        + " added twice (expected: each address and port once per service)");
            }
        }

        private void check() {
            if (entries == null) {
                throw new IllegalStateException("builder already built (expected: a new builder per table)");
            }
        }
    }

    /** A service's identity: family, firewall mark, or protocol, address and port. */
    private static final class ServiceKey {
        private final Service service;
        private final int hash;

        ServiceKey(Service service) {
            this.service = service;
            this.hash = Objects.hash(service.addressFamily(), service.protocol(), service.address(), service.port(), service.fwMark());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ServiceKey k && service.sameIdentity(k.service);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A destination's identity within its service: address and port. */
    private static final class DestinationKey {
        private final Destination destination;
        private final int hash;

        DestinationKey(Destination destination) {
            this.destination = destination;
            this.hash = 31 * destination.address().hashCode() + destination.port();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DestinationKey k && destination.sameIdentity(k.destination);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
