// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
//
// ipvs_floor: what IPVS's netlink interface costs with no library at all. The same requests
// netlink4j sends (same attributes, same kernel state), built in one static buffer, sent with
// send(2) and answered with recv(2); replies are walked for their headers and errors only. The
// ratio of netlink4j to these figures is what docs/benchmarks.md reports.
//
//   ipvs_floor [--services N] [--dests D] [--batch B] [--ack every|last] [--phases LIST]
//
// Phases, run in the order given (default: new_svc,new_dest,dump_svc,dump_dest,set_dest,del_svc):
//   new_svc    NEW_SERVICE for services 0..N-1 (TCP 10.20.i/256.i%256:80, rr)
//   new_dest   NEW_DEST, D per service: 10.1.(1+(k/256)%254).(k%256|1):8000+j, k = i*D+j, masq
//   dump_svc   two service dumps; the second is timed (the first meets cold caches)
//   dump_dest  GET_DEST dumps of every service, twice; the second pass is timed
//   set_dest   SET_DEST of every destination with weight 2
//   del_svc    DEL_SERVICE of every service (which deletes its destinations)
// B requests share one send(2) (default 1); dumps always send one request. --ack every (the
// default) sets NLM_F_ACK on every request and waits for B ACKs per send; --ack last sets it on
// the last request of each send only and waits for that one ACK (the kernel answers a failing
// request with its error either way), as netlink4j's batches do. Each phase prints
//   floor PHASE n=OPS batch=B: US us/op (NS ns in all)
// on stdout; OPS counts requests, or the services/destinations a dump returned. The kernel's
// errors end the run with status 1 and their errno on stderr. Destinations must be routable in
// the namespace (e.g. a dummy link with 10.1.0.1/16), and the table must start empty.
//
// Build: cc -O2 -o ipvs_floor ipvs_floor.c. Run as root where the ip_vs module is loaded.
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/ip_vs.h>
#include <linux/netlink.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SEND_CAPACITY (4 << 20)
#define RECV_CAPACITY (1 << 20)

static int sock = -1;
static uint16_t family;
static uint32_t next_seq = 1;
static int services = 1000, dests = 1, batch = 1;
static int ack_last;
static unsigned char send_buf[SEND_CAPACITY];
static unsigned char recv_buf[RECV_CAPACITY];

static void fail(const char *what, int err) {
    fprintf(stderr, "ipvs_floor: %s: %s\n", what, strerror(err));
    exit(1);
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000u + (uint64_t) t.tv_nsec;
}

// ---- building messages: a cursor over send_buf ----

struct msg {
    unsigned char *base; // start of the netlink message
    size_t len;          // bytes written so far
};

static struct msg begin(unsigned char *at, uint16_t type, uint16_t flags, uint8_t cmd) {
    struct nlmsghdr *h = (struct nlmsghdr *) at;
    struct genlmsghdr *g = (struct genlmsghdr *) (at + NLMSG_HDRLEN);
    memset(at, 0, NLMSG_HDRLEN + GENL_HDRLEN);
    h->nlmsg_type = type;
    h->nlmsg_flags = flags;
    h->nlmsg_seq = next_seq++;
    g->cmd = cmd;
    g->version = IPVS_GENL_VERSION;
    return (struct msg) {at, NLMSG_HDRLEN + GENL_HDRLEN};
}

static void put(struct msg *m, uint16_t type, const void *data, size_t len) {
    struct nlattr *a = (struct nlattr *) (m->base + m->len);
    a->nla_type = type;
    a->nla_len = (uint16_t) (NLA_HDRLEN + len);
    memcpy((unsigned char *) a + NLA_HDRLEN, data, len);
    size_t padded = NLA_ALIGN(a->nla_len);
    memset((unsigned char *) a + a->nla_len, 0, padded - a->nla_len);
    m->len += padded;
}

static void put_u8(struct msg *m, uint16_t type, uint8_t v) { put(m, type, &v, sizeof v); }
static void put_u16(struct msg *m, uint16_t type, uint16_t v) { put(m, type, &v, sizeof v); }
static void put_u32(struct msg *m, uint16_t type, uint32_t v) { put(m, type, &v, sizeof v); }

static size_t nest_begin(struct msg *m, uint16_t type) {
    size_t at = m->len;
    struct nlattr *a = (struct nlattr *) (m->base + at);
    a->nla_type = type | NLA_F_NESTED;
    m->len += NLA_HDRLEN;
    return at;
}

static void nest_end(struct msg *m, size_t at) {
    ((struct nlattr *) (m->base + at))->nla_len = (uint16_t) (m->len - at);
}

static size_t finish(struct msg *m) {
    ((struct nlmsghdr *) m->base)->nlmsg_len = (uint32_t) m->len;
    return NLMSG_ALIGN(m->len);
}

// ---- the IPVS objects, numbered as the Java benchmark numbers them ----

static void put_service_identity(struct msg *m, int i) {
    uint32_t addr[4] = {htonl(0x0a140000u | (uint32_t) (i >> 8 & 0xff) << 8 | (uint32_t) (i & 0xff)), 0, 0, 0};
    put_u16(m, IPVS_SVC_ATTR_AF, AF_INET);
    put_u16(m, IPVS_SVC_ATTR_PROTOCOL, 6);
    put(m, IPVS_SVC_ATTR_ADDR, addr, sizeof addr);
    put_u16(m, IPVS_SVC_ATTR_PORT, htons(80));
}

static void put_service(struct msg *m, int i, int full) {
    size_t nest = nest_begin(m, IPVS_CMD_ATTR_SERVICE);
    put_service_identity(m, i);
    if (full) {
        struct ip_vs_flags flags = {0, 0xffffffffu};
        put(m, IPVS_SVC_ATTR_SCHED_NAME, "rr", 3);
        put(m, IPVS_SVC_ATTR_FLAGS, &flags, sizeof flags);
        put_u32(m, IPVS_SVC_ATTR_TIMEOUT, 0);
        put_u32(m, IPVS_SVC_ATTR_NETMASK, 0xffffffffu);
    }
    nest_end(m, nest);
}

static void put_dest(struct msg *m, int i, int j, uint32_t weight) {
    int k = i * dests + j;
    uint32_t addr[4] = {htonl(0x0a010000u | (uint32_t) (1 + (k >> 8) % 254) << 8 | (uint32_t) ((k & 0xff) | 1)), 0, 0, 0};
    size_t nest = nest_begin(m, IPVS_CMD_ATTR_DEST);
    put(m, IPVS_DEST_ATTR_ADDR, addr, sizeof addr);
    put_u16(m, IPVS_DEST_ATTR_PORT, htons((uint16_t) (8000 + j)));
    put_u16(m, IPVS_DEST_ATTR_ADDR_FAMILY, AF_INET);
    put_u32(m, IPVS_DEST_ATTR_FWD_METHOD, IP_VS_CONN_F_MASQ);
    put_u32(m, IPVS_DEST_ATTR_WEIGHT, weight);
    put_u32(m, IPVS_DEST_ATTR_U_THRESH, 0);
    put_u32(m, IPVS_DEST_ATTR_L_THRESH, 0);
    put_u8(m, IPVS_DEST_ATTR_TUN_TYPE, 0);
    put_u16(m, IPVS_DEST_ATTR_TUN_PORT, 0);
    put_u16(m, IPVS_DEST_ATTR_TUN_FLAGS, 0);
    nest_end(m, nest);
}

// ---- receiving ----

// Receives until `acks` acknowledgements (or errors) have arrived; fails on the first error.
static void await_acks(int acks, const char *phase) {
    while (acks > 0) {
        ssize_t n = recv(sock, recv_buf, sizeof recv_buf, 0);
        if (n < 0) fail("recv", errno);
        int len = (int) n;
        for (struct nlmsghdr *h = (struct nlmsghdr *) recv_buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type != NLMSG_ERROR) continue;
            int err = ((struct nlmsgerr *) NLMSG_DATA(h))->error;
            if (err) fail(phase, -err);
            acks--;
        }
    }
}

// Receives one dump to its NLMSG_DONE; returns how many family messages it held.
static int await_dump(const char *phase) {
    int count = 0;
    for (;;) {
        ssize_t n = recv(sock, recv_buf, sizeof recv_buf, 0);
        if (n < 0) fail("recv", errno);
        int len = (int) n;
        for (struct nlmsghdr *h = (struct nlmsghdr *) recv_buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_type == NLMSG_DONE) return count;
            if (h->nlmsg_type == NLMSG_ERROR) {
                int err = ((struct nlmsgerr *) NLMSG_DATA(h))->error;
                if (err) fail(phase, -err);
            } else if (h->nlmsg_type == family) {
                count++;
            }
        }
    }
}

static void send_all(size_t len) {
    if (send(sock, send_buf, len, 0) != (ssize_t) len) fail("send", errno);
}

// ---- phases ----

static void report(const char *phase, long ops, int per_send, uint64_t ns) {
    printf("floor %-9s n=%ld batch=%d: %.3f us/op (%llu ns in all)\n", phase, ops, per_send,
           ops ? (double) ns / 1000.0 / (double) ops : 0.0, (unsigned long long) ns);
    fflush(stdout);
}

enum kind { SERVICE_NEW, DEST_NEW, DEST_SET, SERVICE_DEL };

// One request per object, `batch` requests per send.
static void requests(enum kind kind, const char *phase) {
    long total = (long) services * (kind == DEST_NEW || kind == DEST_SET ? dests : 1);
    uint8_t cmd = kind == SERVICE_NEW ? IPVS_CMD_NEW_SERVICE
                : kind == DEST_NEW    ? IPVS_CMD_NEW_DEST
                : kind == DEST_SET    ? IPVS_CMD_SET_DEST
                                      : IPVS_CMD_DEL_SERVICE;
    uint64_t start = now_ns();
    long done = 0;
    while (done < total) {
        size_t off = 0, last = 0;
        int in_send = 0;
        for (; in_send < batch && done + in_send < total; in_send++) {
            long k = done + in_send;
            last = off;
            struct msg m = begin(send_buf + off, family, ack_last ? NLM_F_REQUEST : NLM_F_REQUEST | NLM_F_ACK, cmd);
            switch (kind) {
            case SERVICE_NEW: put_service(&m, (int) k, 1); break;
            case SERVICE_DEL: put_service(&m, (int) k, 0); break;
            case DEST_NEW: put_service(&m, (int) (k / dests), 0); put_dest(&m, (int) (k / dests), (int) (k % dests), 1); break;
            case DEST_SET: put_service(&m, (int) (k / dests), 0); put_dest(&m, (int) (k / dests), (int) (k % dests), 2); break;
            }
            off += finish(&m);
        }
        if (ack_last) ((struct nlmsghdr *) (send_buf + last))->nlmsg_flags |= NLM_F_ACK;
        send_all(off);
        await_acks(ack_last ? 1 : in_send, phase);
        done += in_send;
    }
    report(phase, total, batch, now_ns() - start);
}

static int dump_services(void) {
    struct msg m = begin(send_buf, family, NLM_F_REQUEST | NLM_F_DUMP, IPVS_CMD_GET_SERVICE);
    send_all(finish(&m));
    return await_dump("dump_svc");
}

static long dump_dests(void) {
    long count = 0;
    for (int i = 0; i < services; i++) {
        struct msg m = begin(send_buf, family, NLM_F_REQUEST | NLM_F_DUMP, IPVS_CMD_GET_DEST);
        put_service(&m, i, 0);
        send_all(finish(&m));
        count += await_dump("dump_dest");
    }
    return count;
}

static void phase_dump_svc(void) {
    dump_services();
    uint64_t start = now_ns();
    int count = dump_services();
    report("dump_svc", count, 1, now_ns() - start);
}

static void phase_dump_dest(void) {
    dump_dests();
    uint64_t start = now_ns();
    long count = dump_dests();
    report("dump_dest", count, 1, now_ns() - start);
}

// ---- set-up ----

static void resolve_family(void) {
    struct msg m = begin(send_buf, GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY);
    put(&m, CTRL_ATTR_FAMILY_NAME, IPVS_GENL_NAME, sizeof IPVS_GENL_NAME);
    send_all(finish(&m));
    ssize_t n = recv(sock, recv_buf, sizeof recv_buf, 0);
    if (n < 0) fail("recv", errno);
    int len = (int) n;
    for (struct nlmsghdr *h = (struct nlmsghdr *) recv_buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
        if (h->nlmsg_type == NLMSG_ERROR) fail("resolving the IPVS family (is ip_vs loaded?)", -((struct nlmsgerr *) NLMSG_DATA(h))->error);
        int alen = (int) h->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
        for (struct nlattr *a = (struct nlattr *) ((unsigned char *) NLMSG_DATA(h) + GENL_HDRLEN);
             alen >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= alen;
             alen -= NLA_ALIGN(a->nla_len), a = (struct nlattr *) ((unsigned char *) a + NLA_ALIGN(a->nla_len))) {
            if ((a->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_ID) {
                memcpy(&family, (unsigned char *) a + NLA_HDRLEN, sizeof family);
                return;
            }
        }
    }
    fprintf(stderr, "ipvs_floor: no family id in the reply\n");
    exit(1);
}

static int whole(const char *option, const char *value, int min, int max) {
    char *end;
    long v = strtol(value ? value : "", &end, 10);
    if (!value || *value == '\0' || *end != '\0' || v < min || v > max) {
        fprintf(stderr, "ipvs_floor: %s takes a whole number from %d to %d, not '%s'\n", option, min, max, value ? value : "");
        exit(2);
    }
    return (int) v;
}

static void usage(FILE *to) {
    fputs("usage: ipvs_floor [--services N] [--dests D] [--batch B] [--ack every|last] [--phases LIST]\n"
          "  N 1..65536 (default 1000), D 1..250 (default 1), B 1..256 (default 1)\n"
          "  --ack every: NLM_F_ACK on every request (default); last: on each send's last request\n"
          "  LIST: comma-separated from new_svc,new_dest,dump_svc,dump_dest,set_dest,del_svc\n"
          "        (default: all six, in that order)\n", to);
}

int main(int argc, char **argv) {
    const char *phases = "new_svc,new_dest,dump_svc,dump_dest,set_dest,del_svc";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--services")) services = whole(a, v, 1, 65536), i++;
        else if (!strcmp(a, "--dests")) dests = whole(a, v, 1, 250), i++;
        else if (!strcmp(a, "--batch")) batch = whole(a, v, 1, 256), i++;
        else if (!strcmp(a, "--phases") && v) phases = v, i++;
        else if (!strcmp(a, "--ack") && v && (!strcmp(v, "every") || !strcmp(v, "last"))) ack_last = !strcmp(v, "last"), i++;
        else if (!strcmp(a, "--ack")) { fprintf(stderr, "ipvs_floor: --ack takes every or last, not '%s'\n", v ? v : ""); return 2; }
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) { usage(stdout); return 0; }
        else { fprintf(stderr, "ipvs_floor: unknown argument '%s'\n", a); usage(stderr); return 2; }
    }

    sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
    if (sock < 0) fail("socket", errno);
    int rcvbuf = 64 << 20;
    if (setsockopt(sock, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf) < 0)
        setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    struct sockaddr_nl local = {.nl_family = AF_NETLINK};
    if (bind(sock, (struct sockaddr *) &local, sizeof local) < 0) fail("bind", errno);
    resolve_family();

    char list[256];
    if (strlen(phases) >= sizeof list) { fprintf(stderr, "ipvs_floor: --phases too long\n"); return 2; }
    strcpy(list, phases);
    for (char *p = strtok(list, ","); p; p = strtok(NULL, ",")) {
        if (!strcmp(p, "new_svc")) requests(SERVICE_NEW, p);
        else if (!strcmp(p, "new_dest")) requests(DEST_NEW, p);
        else if (!strcmp(p, "dump_svc")) phase_dump_svc();
        else if (!strcmp(p, "dump_dest")) phase_dump_dest();
        else if (!strcmp(p, "set_dest")) requests(DEST_SET, p);
        else if (!strcmp(p, "del_svc")) requests(SERVICE_DEL, p);
        else { fprintf(stderr, "ipvs_floor: unknown phase '%s'\n", p); usage(stderr); return 2; }
    }
    close(sock);
    return 0;
}
