// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
//
// cpu_time: runs a command and prints the CPU time it used, user and system, counted by the
// kernel for the process and its children (wait4's rusage, in microseconds), next to the time that
// passed. In the VM's instruction-count mode the guest's clock skips time in which nothing runs,
// and by an amount that depends on the next timer, so a program that waits (for a page of the
// host's file system, say) shows a time that is not its own; the CPU time the kernel charges it
// counts only the instructions it executed.
//
//   cpu_time COMMAND [ARGS...]
//
// prints to stderr, after the command's own output:
//   cpu_time: user US sys US elapsed US status N
// and exits with the command's status (125 if it could not be run).
//
// Build: cc -O2 -o cpu_time cpu_time.c
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long us(struct timeval t) {
    return (long long) t.tv_sec * 1000000 + t.tv_usec;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: cpu_time COMMAND [ARGS...]\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "cpu_time: fork: %s\n", strerror(errno));
        return 125;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        fprintf(stderr, "cpu_time: %s: %s\n", argv[1], strerror(errno));
        _exit(125);
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "cpu_time: wait4: %s\n", strerror(errno));
            return 125;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    // The children of the command (none for ipvsadm) are in RUSAGE_CHILDREN once waited for.
    struct rusage all;
    getrusage(RUSAGE_CHILDREN, &all);
    long long elapsed = ((long long) t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(stderr, "cpu_time: user %lld sys %lld elapsed %lld status %d\n", us(all.ru_utime), us(all.ru_stime), elapsed, code);
    return code;
}
