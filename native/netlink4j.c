// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
/*
 * netlink4j native shim: the system calls the Java netlink stack needs, and nothing else.
 *
 * Rules this file keeps:
 *  - one system call per entry point (socket creation and file opening in another network
 *    namespace are the two fixed sequences open/setns/socket-or-open/setns, done entirely here so
 *    no JVM thread is ever left in another namespace);
 *  - every entry point returns a non-negative result or -errno; EINTR is retried here;
 *  - no Java objects are created and nothing calls back into Java;
 *  - buffer bounds are checked in Java before the call and checked again here against the direct
 *    buffer's capacity (-EINVAL on violation), so a bad offset can never reach the kernel;
 *  - JNI_OnLoad registers the natives on the Native class this copy belongs to, found from the
 *    library's own file name (see native_class_name), and does nothing else.
 */
#define _GNU_SOURCE
#include <link.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/netlink.h>

#include <jni.h>
#include "io_netlink4j_socket_Native.h"

#define NL4J_CLASS "io/netlink4j/socket/Native"
#define NL4J_FILE_STEM "netlink4j_linux_"
#define NL4J_CLASS_NAME_MAX 1024
#define NL4J_NETNS_PATH_MAX 4096

/* Resolves [offset, offset+length) of a direct buffer, or NULL when it is out of bounds. */
static char *buffer_range(JNIEnv *env, jobject buf, jint offset, jint length) {
    if (buf == NULL || offset < 0 || length < 0) {
        return NULL;
    }
    char *base = (*env)->GetDirectBufferAddress(env, buf);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, buf);
    if (base == NULL || capacity < 0 || (jlong) offset + (jlong) length > capacity) {
        return NULL;
    }
    return base + offset;
}

/*
 * Runs `make` (socket(2) or open(2) of `arg`) inside the network namespace at `path`. The thread's
 * own namespace is restored before returning, on every path. A failure to restore it cannot be
 * reported safely (the thread would silently keep operating in the wrong namespace), so it aborts
 * the process.
 */
static int in_netns(const char *path, int (*make)(const void *arg), const void *arg) {
    int target = open(path, O_RDONLY | O_CLOEXEC);
    if (target < 0) {
        return -errno;
    }
    int self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (self < 0) {
        int err = -errno;
        close(target);
        return err;
    }
    int result;
    if (setns(target, CLONE_NEWNET) < 0) {
        result = -errno;
    } else {
        result = make(arg);
        if (setns(self, CLONE_NEWNET) < 0) {
            fprintf(stderr, "netlink4j: cannot restore the thread's network namespace: %s\n", strerror(errno));
            abort();
        }
    }
    close(self);
    close(target);
    return result;
}

static int make_socket(const void *arg) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, *(const int *) arg);
    return fd < 0 ? -errno : fd;
}

struct open_args {
    const char *path;
    int flags;
};

static int make_file(const void *arg) {
    const struct open_args *a = arg;
    int fd;
    do {
        fd = open(a->path, a->flags);
    } while (fd < 0 && errno == EINTR);
    return fd < 0 ? -errno : fd;
}

/* Copies a Java byte array holding a path into `out` (NUL-terminated), or returns -errno. */
static int path_of(JNIEnv *env, jbyteArray array, char *out) {
    jsize len = (*env)->GetArrayLength(env, array);
    if (len <= 0 || len >= NL4J_NETNS_PATH_MAX) {
        return -ENAMETOOLONG;
    }
    (*env)->GetByteArrayRegion(env, array, 0, len, (jbyte *) out);
    out[len] = '\0';
    return memchr(out, '\0', (size_t) len) != NULL ? -EINVAL : 0;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_socket(JNIEnv *env, jclass clazz, jint protocol, jbyteArray netnsPath) {
    (void) clazz;
    if (netnsPath == NULL) {
        return make_socket(&protocol);
    }
    char path[NL4J_NETNS_PATH_MAX];
    int err = path_of(env, netnsPath, path);
    return err < 0 ? err : in_netns(path, make_socket, &protocol);
}

/*
 * open(2) of `filePath` for reading (write == 0) or writing, inside the network namespace at
 * `netnsPath` (or the calling thread's own when NULL). Files whose namespace is fixed when they are
 * opened (/proc/thread-self/net/..., net.* sysctls under /proc/sys) stay in that namespace for
 * every later read and write of the descriptor.
 */
JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_open(JNIEnv *env, jclass clazz, jbyteArray netnsPath, jbyteArray filePath,
                                                           jboolean write) {
    (void) clazz;
    if (filePath == NULL) {
        return -EINVAL;
    }
    char file[NL4J_NETNS_PATH_MAX];
    int err = path_of(env, filePath, file);
    if (err < 0) {
        return err;
    }
    struct open_args args = {file, (write ? O_WRONLY : O_RDONLY) | O_CLOEXEC | O_NOCTTY};
    if (netnsPath == NULL) {
        return make_file(&args);
    }
    char path[NL4J_NETNS_PATH_MAX];
    err = path_of(env, netnsPath, path);
    return err < 0 ? err : in_netns(path, make_file, &args);
}

/* read(2) into (write == 0) or write(2) from buf[offset, offset + length), EINTR retried. */
static jint transfer(JNIEnv *env, jint fd, jobject buf, jint offset, jint length, int write_out) {
    char *data = buffer_range(env, buf, offset, length);
    if (data == NULL) {
        return -EINVAL;
    }
    ssize_t n;
    do {
        n = write_out ? write(fd, data, (size_t) length) : read(fd, data, (size_t) length);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : (jint) n;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_read(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint offset, jint length) {
    (void) clazz;
    return transfer(env, fd, buf, offset, length, 0);
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_write(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint offset, jint length) {
    (void) clazz;
    return transfer(env, fd, buf, offset, length, 1);
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_bind(JNIEnv *env, jclass clazz, jint fd, jint portId, jint groups) {
    (void) env;
    (void) clazz;
    struct sockaddr_nl sa;
    memset(&sa, 0, sizeof sa);
    sa.nl_family = AF_NETLINK;
    sa.nl_pid = (uint32_t) portId;
    sa.nl_groups = (uint32_t) groups;
    return bind(fd, (struct sockaddr *) &sa, sizeof sa) < 0 ? -errno : 0;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_getsockname(JNIEnv *env, jclass clazz, jint fd, jobject out, jint outOffset) {
    (void) clazz;
    char *dst = buffer_range(env, out, outOffset, 8);
    if (dst == NULL) {
        return -EINVAL;
    }
    struct sockaddr_nl sa;
    socklen_t salen = sizeof sa;
    memset(&sa, 0, sizeof sa);
    if (getsockname(fd, (struct sockaddr *) &sa, &salen) < 0) {
        return -errno;
    }
    memcpy(dst, &sa.nl_pid, 4);
    memcpy(dst + 4, &sa.nl_groups, 4);
    return 0;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_sendto(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint offset,
                                                             jint length, jint flags, jint destPortId, jint destGroups) {
    (void) clazz;
    char *data = buffer_range(env, buf, offset, length);
    if (data == NULL) {
        return -EINVAL;
    }
    struct sockaddr_nl sa;
    memset(&sa, 0, sizeof sa);
    sa.nl_family = AF_NETLINK;
    sa.nl_pid = (uint32_t) destPortId;
    sa.nl_groups = (uint32_t) destGroups;
    ssize_t n;
    do {
        n = sendto(fd, data, (size_t) length, flags, (struct sockaddr *) &sa, sizeof sa);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : (jint) n;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_recvfrom(JNIEnv *env, jclass clazz, jint fd, jobject buf, jint offset,
                                                               jint length, jint flags, jobject addrOut, jint addrOffset) {
    (void) clazz;
    char *data = buffer_range(env, buf, offset, length);
    char *addr = buffer_range(env, addrOut, addrOffset, 8);
    if (data == NULL || addr == NULL) {
        return -EINVAL;
    }
    struct sockaddr_nl sa;
    socklen_t salen;
    ssize_t n;
    do {
        salen = sizeof sa;
        memset(&sa, 0, sizeof sa);
        n = recvfrom(fd, data, (size_t) length, flags, (struct sockaddr *) &sa, &salen);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return -errno;
    }
    memcpy(addr, &sa.nl_pid, 4);
    memcpy(addr + 4, &sa.nl_groups, 4);
    return n > INT32_MAX ? INT32_MAX : (jint) n;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_setsockoptInt(JNIEnv *env, jclass clazz, jint fd, jint level, jint optname,
                                                                    jint value) {
    (void) env;
    (void) clazz;
    int v = value;
    return setsockopt(fd, level, optname, &v, sizeof v) < 0 ? -errno : 0;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_getsockoptInt(JNIEnv *env, jclass clazz, jint fd, jint level, jint optname) {
    (void) env;
    (void) clazz;
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(fd, level, optname, &v, &len) < 0) {
        return -errno;
    }
    return v < 0 ? -ERANGE : v;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_setsockoptTimeval(JNIEnv *env, jclass clazz, jint fd, jint optname, jlong micros) {
    (void) env;
    (void) clazz;
    if (micros < 0) {
        return -EINVAL;
    }
    struct timeval tv;
    tv.tv_sec = (time_t) (micros / 1000000);
    tv.tv_usec = (suseconds_t) (micros % 1000000);
    return setsockopt(fd, SOL_SOCKET, optname, &tv, sizeof tv) < 0 ? -errno : 0;
}

JNIEXPORT jlong JNICALL Java_io_netlink4j_socket_Native_getsockoptTimeval(JNIEnv *env, jclass clazz, jint fd, jint optname) {
    (void) env;
    (void) clazz;
    struct timeval tv;
    socklen_t len = sizeof tv;
    memset(&tv, 0, sizeof tv);
    if (getsockopt(fd, SOL_SOCKET, optname, &tv, &len) < 0) {
        return -errno;
    }
    return (jlong) tv.tv_sec * 1000000 + tv.tv_usec;
}

JNIEXPORT jint JNICALL Java_io_netlink4j_socket_Native_close(JNIEnv *env, jclass clazz, jint fd) {
    (void) env;
    (void) clazz;
    return close(fd) < 0 ? -errno : 0;
}

static const JNINativeMethod methods[] = {
    {"socket", "(I[B)I", (void *) Java_io_netlink4j_socket_Native_socket},
    {"bind", "(III)I", (void *) Java_io_netlink4j_socket_Native_bind},
    {"getsockname", "(ILjava/nio/ByteBuffer;I)I", (void *) Java_io_netlink4j_socket_Native_getsockname},
    {"sendto", "(ILjava/nio/ByteBuffer;IIIII)I", (void *) Java_io_netlink4j_socket_Native_sendto},
    {"recvfrom", "(ILjava/nio/ByteBuffer;IIILjava/nio/ByteBuffer;I)I", (void *) Java_io_netlink4j_socket_Native_recvfrom},
    {"setsockoptInt", "(IIII)I", (void *) Java_io_netlink4j_socket_Native_setsockoptInt},
    {"getsockoptInt", "(III)I", (void *) Java_io_netlink4j_socket_Native_getsockoptInt},
    {"setsockoptTimeval", "(IIJ)I", (void *) Java_io_netlink4j_socket_Native_setsockoptTimeval},
    {"getsockoptTimeval", "(II)J", (void *) Java_io_netlink4j_socket_Native_getsockoptTimeval},
    {"open", "([B[BZ)I", (void *) Java_io_netlink4j_socket_Native_open},
    {"read", "(ILjava/nio/ByteBuffer;II)I", (void *) Java_io_netlink4j_socket_Native_read},
    {"write", "(ILjava/nio/ByteBuffer;II)I", (void *) Java_io_netlink4j_socket_Native_write},
    {"close", "(I)I", (void *) Java_io_netlink4j_socket_Native_close},
};

/*
 * Writes the JNI name of the class to register on: NL4J_CLASS, behind the package prefix of a
 * copy of netlink4j relocated by a shading tool. NativeLibrary extracts the shim for such a copy
 * (com.acme_x.io.netlink4j.socket.Native) under a file name that carries the prefix, mangled the
 * JNI way ('_' written "_1", '.' written '_'): libcom_acme_1x_netlink4j_linux_x86_64....so. The
 * prefix is what lies between "lib" and the last NL4J_FILE_STEM of the file name. A file name
 * without a well-formed prefix (non-empty segments, each ending in a separator) means none.
 */
/* dl_iterate_phdr callback: the path of the loaded object whose segments hold `data`'s address. */
static int find_own_object(struct dl_phdr_info *info, size_t size, void *data) {
    (void) size;
    const char **found = data;
    uintptr_t target = (uintptr_t) (const void *) methods;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t start = (uintptr_t) info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && target >= start && target - start < ph->p_memsz) {
            *found = info->dlpi_name;
            return 1;
        }
    }
    return 0;
}

static void native_class_name(char *out, size_t size) {
    /* dl_iterate_phdr rather than dladdr: dladdr moved into libc only in glibc 2.34, and the
       shim must keep loading on the older glibc that docs/architecture.md promises. */
    const char *path = NULL;
    const char *base = NULL;
    const char *stem = NULL;
    if (dl_iterate_phdr(find_own_object, &path) != 0 && path != NULL) {
        base = strrchr(path, '/');
        base = base == NULL ? path : base + 1;
    }
    if (base != NULL && strncmp(base, "lib", 3) == 0) {
        for (const char *p = strstr(base + 3, NL4J_FILE_STEM); p != NULL; p = strstr(p + 1, NL4J_FILE_STEM)) {
            stem = p;
        }
    }
    size_t n = 0;
    /* The decoded prefix is never longer than the mangled one. */
    if (stem != NULL && (size_t) (stem - base) + sizeof NL4J_CLASS <= size) {
        int well_formed = 1;
        size_t segment = 0;
        for (const char *p = base + 3; p < stem && well_formed; p++) {
            if (*p == '_' && p + 1 < stem && p[1] == '1') {
                out[n++] = '_';
                segment++;
                p++;
            } else if (*p == '_') {
                well_formed = segment > 0;
                out[n++] = '/';
                segment = 0;
            } else {
                out[n++] = *p;
                segment++;
            }
        }
        if (!well_formed || segment != 0) {
            n = 0;
        }
    }
    memcpy(out + n, NL4J_CLASS, sizeof NL4J_CLASS);
}

JNIEXPORT jint JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    char name[NL4J_CLASS_NAME_MAX];
    native_class_name(name, sizeof name);
    jclass clazz = (*env)->FindClass(env, name);
    if (clazz == NULL) {
        return JNI_ERR;
    }
    if ((*env)->RegisterNatives(env, clazz, methods, (jint) (sizeof methods / sizeof methods[0])) != 0) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}
