// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
//
// code-patch-probe: does a CPU (or an emulator) run the code another CPU has just written?
// The question a JIT asks the machine every time it installs or patches compiled code while
// other threads run: HotSpot writes a method into its code cache (or patches a call or an entry
// point) on one thread and another thread executes it. x86 promises that a thread which sees the
// writer's "done" flag and then executes a serializing instruction (CPUID) runs the new bytes
// (Intel SDM vol. 3, 8.1.3 "Handling Self- and Cross-Modifying Code"). This program checks that
// promise with no JVM and no netlink4j code at all.
//
// One 4 KiB executable page holds `mov rax, imm64; ret`, its 8-byte immediate aligned. A writer
// thread stores a new immediate (one aligned 8-byte store), then publishes its number with a
// release store; the main thread reads the published number, executes CPUID, calls the code and
// checks the value it returns. Every value is n | ~n << 32, so a value torn between two stores
// shows as well as a stale one.
//
//   code-patch-probe flood SECONDS      the writer stores without pause; counts the calls that
//                                       returned a value older than the one published before them
//   code-patch-probe handshake SECONDS  the writer stores one value, waits until the code returns
//                                       it (or 100 ms), then the next: counts the values never
//                                       seen within 100 ms, the pattern of a JIT installing code
//
// Prints one line of counts; exits 1 when any call returned stale or torn code. On hardware the
// counts are 0. scripts/vm-code-probe runs it on the host and in the test VM under each of qemu's
// TCG modes (docs/reliability.md, "The emulator crash").
#define _GNU_SOURCE
#include <cpuid.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static volatile uint64_t *immediate;
static uint32_t published;
static uint32_t seen;
static int stop;
static int handshake;
static unsigned long lost, writes;

static uint64_t value_of(uint32_t n) { return (uint64_t)n | (uint64_t)~n << 32; }

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *writer(void *unused) {
    (void)unused;
    for (uint32_t n = 1; !__atomic_load_n(&stop, __ATOMIC_RELAXED); n++) {
        __atomic_store_n(immediate, value_of(n), __ATOMIC_RELEASE);
        __atomic_store_n(&published, n, __ATOMIC_RELEASE);
        writes++;
        if (handshake) {
            double deadline = now() + 0.1;
            while (__atomic_load_n(&seen, __ATOMIC_ACQUIRE) != n && !__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
                if (now() > deadline) {
                    lost++;
                    break;
                }
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "flood") != 0 && strcmp(argv[1], "handshake") != 0) || atoi(argv[2]) <= 0) {
        fprintf(stderr, "usage: code-patch-probe flood|handshake SECONDS (SECONDS at least 1)\n");
        return 2;
    }
    handshake = strcmp(argv[1], "handshake") == 0;
    double seconds = atoi(argv[2]);
    uint8_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) {
        perror("code-patch-probe: mmap");
        return 2;
    }
    memset(page, 0x90, 4096); // nop
    page[6] = 0x48;           // REX.W
    page[7] = 0xb8;           // mov rax, imm64: the immediate is page[8..15]
    immediate = (volatile uint64_t *)(page + 8);
    *immediate = value_of(0);
    page[16] = 0xc3; // ret
    uint64_t (*code)(void) = (uint64_t (*)(void))(page + 6);

    pthread_t thread;
    if (pthread_create(&thread, NULL, writer, NULL) != 0) {
        fprintf(stderr, "code-patch-probe: pthread_create failed\n");
        return 2;
    }
    unsigned long calls = 0, stale = 0, torn = 0;
    uint32_t max_lag = 0;
    double end = now() + seconds;
    do {
        for (int i = 0; i < 1000; i++) {
            uint32_t p = __atomic_load_n(&published, __ATOMIC_ACQUIRE);
            unsigned a, b, c, d;
            __cpuid(0, a, b, c, d);
            uint64_t r = code();
            calls++;
            uint32_t n = (uint32_t)r;
            if ((uint32_t)(r >> 32) != ~n) {
                torn++;
            } else if ((int32_t)(p - n) > 0) { // older than published (the numbers wrap)
                stale++;
                if (p - n > max_lag) max_lag = p - n;
            } else if (handshake && n == p) {
                __atomic_store_n(&seen, n, __ATOMIC_RELEASE);
            }
        }
    } while (now() < end);
    __atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
    pthread_join(thread, NULL);
    printf("%s: %.0f s, %lu calls, %lu stale (newest value behind by up to %u writes), %lu torn; "
           "%lu writes",
           argv[1], seconds, calls, stale, max_lag, torn, writes);
    if (handshake) printf(", %lu of them not seen within 100 ms", lost);
    printf("\n");
    return stale || torn || lost ? 1 : 0;
}
