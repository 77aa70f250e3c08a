// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Linux errno: its number, its symbolic name and the C library's description. The numbers are
 * the kernel's generic ones, shared by x86-64 and arm64.
 *
 * <p>Open, like {@link AddressFamily}: the kernel may return an errno this class does not know. Such
 * a number keeps its value and is named by it ({@code "200"}), so nothing is lost;
 * {@link #isKnown()} tells the two apart. Two instances are equal when their numbers are.
 *
 * <p>The constants are plain {@code int}s, so that they compare with
 * {@link NetlinkErrnoException#errno()} directly: {@code e.errno() == Errno.EEXIST}. {@link #of(int)}
 * turns a number into an instance with its name and description.
 */
public final class Errno implements Serializable {
    private static final long serialVersionUID = 1L;
    /** {@code EPERM} (1): Operation not permitted. */
    public static final int EPERM = 1;
    /** {@code ENOENT} (2): No such file or directory. */
    public static final int ENOENT = 2;
    /** {@code ESRCH} (3): No such process. */
    public static final int ESRCH = 3;
    /** {@code EINTR} (4): Interrupted system call. */
    public static final int EINTR = 4;
    /** {@code EIO} (5): Input/output error. */
    public static final int EIO = 5;
    /** {@code EBADF} (9): Bad file descriptor. */
    public static final int EBADF = 9;
    /** {@code EAGAIN} (11): Resource temporarily unavailable. */
    public static final int EAGAIN = 11;
    /** {@code ENOMEM} (12): Cannot allocate memory. */
    public static final int ENOMEM = 12;
    /** {@code EACCES} (13): Permission denied. */
    public static final int EACCES = 13;
    /** {@code EFAULT} (14): Bad address. */
    public static final int EFAULT = 14;
    /** {@code EBUSY} (16): Device or resource busy. */
    public static final int EBUSY = 16;
    /** {@code EEXIST} (17): File exists. */
    public static final int EEXIST = 17;
    /** {@code ENODEV} (19): No such device. */
    public static final int ENODEV = 19;
    /** {@code ENOTDIR} (20): Not a directory. */
    public static final int ENOTDIR = 20;
    /** {@code EINVAL} (22): Invalid argument. */
    public static final int EINVAL = 22;
    /** {@code ENFILE} (23): Too many open files in system. */
    public static final int ENFILE = 23;
    /** {@code EMFILE} (24): Too many open files. */
    public static final int EMFILE = 24;
    /** {@code ENOSPC} (28): No space left on device. */
    public static final int ENOSPC = 28;
    /** {@code ERANGE} (34): Numerical result out of range. */
    public static final int ERANGE = 34;
    /** {@code ENAMETOOLONG} (36): File name too long. */
    public static final int ENAMETOOLONG = 36;
    /** {@code ENOTSUP} (95): an alias of {@link #EOPNOTSUPP}. */
    public static final int ENOTSUP = 95;
    /** {@code EOPNOTSUPP} (95): Operation not supported. */
    public static final int EOPNOTSUPP = 95;
    /** {@code EPROTONOSUPPORT} (93): Protocol not supported. */
    public static final int EPROTONOSUPPORT = 93;
    /** {@code EAFNOSUPPORT} (97): Address family not supported by protocol. */
    public static final int EAFNOSUPPORT = 97;
    /** {@code EADDRINUSE} (98): Address already in use. */
    public static final int EADDRINUSE = 98;
    /** {@code ENOBUFS} (105): No buffer space available. */
    public static final int ENOBUFS = 105;
    /** {@code EMSGSIZE} (90): Message too long. */
    public static final int EMSGSIZE = 90;
    /** {@code ECONNREFUSED} (111): Connection refused. */
    public static final int ECONNREFUSED = 111;
    /** {@code ETIMEDOUT} (110): Connection timed out. */
    public static final int ETIMEDOUT = 110;

    /** Aliases the C library defines for the same numbers, for {@link #parse}. */
    private static final Map<String, Integer> ALIASES = Map.of("ENOTSUP", EOPNOTSUPP, "EWOULDBLOCK", EAGAIN,
            "EDEADLOCK", 35);
    private static final Errno[] TABLE = build();

    /** The positive number. */
    private final int value;
    /** The symbolic name, or the number. */
    private final String name;
    /** The C library's text. */
    private final String description;

    private Errno(int value, String name, String description) {
        this.value = value;
        this.name = name;
        this.description = description;
    }

    /**
     * The errno numbered {@code value}: the known one, or an instance named by the number.
     *
     * @param value the errno, positive or negated as the kernel returns it ({@code -17} and
     *              {@code 17} are both EEXIST); {@link Integer#MIN_VALUE} is taken as
     *              {@link Integer#MAX_VALUE}
     * @return the errno, never null
     */
    public static Errno of(int value) {
        int v = value == Integer.MIN_VALUE ? Integer.MAX_VALUE : Math.abs(value);
        if (v < TABLE.length && TABLE[v] != null) {
            return TABLE[v];
        }
        return new Errno(v, Integer.toString(v), "Unknown error " + v);
    }

    /**
     * The errno named {@code name}, as {@link #name()} returns it ({@code EEXIST}, case-insensitive,
     * also the C library's aliases such as {@code ENOTSUP} and {@code EWOULDBLOCK}), or by its
     * number.
     *
     * @param name a name or a number
     * @return the errno
     * @throws IllegalArgumentException if {@code name} is neither a known name nor a number 0-2147483647
     */
    public static Errno parse(String name) {
        Objects.requireNonNull(name, "name");
        String upper = name.toUpperCase(Locale.ROOT);
        Integer alias = ALIASES.get(upper);
        if (alias != null) {
            return TABLE[alias];
        }
        for (Errno e : TABLE) {
            if (e != null && e.name.equals(upper)) {
                return e;
            }
        }
        try {
            int v = Integer.parseInt(name);
            if (v >= 0) {
                return of(v);
            }
        } catch (NumberFormatException e) {
            // not a number either
        }
        throw new IllegalArgumentException("errno '" + name + "' (expected: a name such as EEXIST or ENOENT,"
                + " or a number 0-2147483647)");
    }

    /**
     * The errno's number.
     *
     * @return the positive number, e.g. 17
     */
    public int value() {
        return value;
    }

    /**
     * The kernel's symbolic name, or the number for an errno without one here.
     *
     * @return the name, e.g. {@code EEXIST}, or e.g. {@code 200}
     */
    public String name() {
        return name;
    }

    /**
     * The C library's text for the errno ({@code strerror}).
     *
     * @return the description, e.g. {@code "File exists"}, or {@code "Unknown error 200"}
     */
    public String description() {
        return description;
    }

    /**
     * Whether this class knows the errno's name.
     *
     * @return true for a known errno
     */
    public boolean isKnown() {
        return value < TABLE.length && TABLE[value] != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Errno e && e.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /**
     * The errno's name.
     *
     * @return {@link #name()}
     */
    @Override
    public String toString() {
        return name;
    }

    /**
     * A deserialised errno is the canonical instance of its number.
     *
     * @return the errno of this number, as {@link #of(int)} returns it
     * @throws ObjectStreamException never
     */
    private Object readResolve() throws ObjectStreamException {
        return of(value);
    }

    private static Errno[] build() {
        Errno[] table = new Errno[134];
        table[1] = new Errno(1, "EPERM", "Operation not permitted");
        table[2] = new Errno(2, "ENOENT", "No such file or directory");
        table[3] = new Errno(3, "ESRCH", "No such process");
        table[4] = new Errno(4, "EINTR", "Interrupted system call");
        table[5] = new Errno(5, "EIO", "Input/output error");
        table[6] = new Errno(6, "ENXIO", "No such device or address");
        table[7] = new Errno(7, "E2BIG", "Argument list too long");
        table[8] = new Errno(8, "ENOEXEC", "Exec format error");
        table[9] = new Errno(9, "EBADF", "Bad file descriptor");
        table[10] = new Errno(10, "ECHILD", "No child processes");
        table[11] = new Errno(11, "EAGAIN", "Resource temporarily unavailable");
        table[12] = new Errno(12, "ENOMEM", "Cannot allocate memory");
        table[13] = new Errno(13, "EACCES", "Permission denied");
        table[14] = new Errno(14, "EFAULT", "Bad address");
        table[15] = new Errno(15, "ENOTBLK", "Block device required");
        table[16] = new Errno(16, "EBUSY", "Device or resource busy");
        table[17] = new Errno(17, "EEXIST", "File exists");
        table[18] = new Errno(18, "EXDEV", "Invalid cross-device link");
        table[19] = new Errno(19, "ENODEV", "No such device");
        table[20] = new Errno(20, "ENOTDIR", "Not a directory");
        table[21] = new Errno(21, "EISDIR", "Is a directory");
        table[22] = new Errno(22, "EINVAL", "Invalid argument");
        table[23] = new Errno(23, "ENFILE", "Too many open files in system");
        table[24] = new Errno(24, "EMFILE", "Too many open files");
        table[25] = new Errno(25, "ENOTTY", "Inappropriate ioctl for device");
        table[26] = new Errno(26, "ETXTBSY", "Text file busy");
        table[27] = new Errno(27, "EFBIG", "File too large");
        table[28] = new Errno(28, "ENOSPC", "No space left on device");
        table[29] = new Errno(29, "ESPIPE", "Illegal seek");
        table[30] = new Errno(30, "EROFS", "Read-only file system");
        table[31] = new Errno(31, "EMLINK", "Too many links");
        table[32] = new Errno(32, "EPIPE", "Broken pipe");
        table[33] = new Errno(33, "EDOM", "Numerical argument out of domain");
        table[34] = new Errno(34, "ERANGE", "Numerical result out of range");
        table[35] = new Errno(35, "EDEADLK", "Resource deadlock avoided");
        table[36] = new Errno(36, "ENAMETOOLONG", "File name too long");
        table[37] = new Errno(37, "ENOLCK", "No locks available");
        table[38] = new Errno(38, "ENOSYS", "Function not implemented");
        table[39] = new Errno(39, "ENOTEMPTY", "Directory not empty");
        table[40] = new Errno(40, "ELOOP", "Too many levels of symbolic links");
        table[42] = new Errno(42, "ENOMSG", "No message of desired type");
        table[43] = new Errno(43, "EIDRM", "Identifier removed");
        table[44] = new Errno(44, "ECHRNG", "Channel number out of range");
        table[45] = new Errno(45, "EL2NSYNC", "Level 2 not synchronized");
        table[46] = new Errno(46, "EL3HLT", "Level 3 halted");
        table[47] = new Errno(47, "EL3RST", "Level 3 reset");
        table[48] = new Errno(48, "ELNRNG", "Link number out of range");
        table[49] = new Errno(49, "EUNATCH", "Protocol driver not attached");
        table[50] = new Errno(50, "ENOCSI", "No CSI structure available");
        table[51] = new Errno(51, "EL2HLT", "Level 2 halted");
        table[52] = new Errno(52, "EBADE", "Invalid exchange");
        table[53] = new Errno(53, "EBADR", "Invalid request descriptor");
        table[54] = new Errno(54, "EXFULL", "Exchange full");
        table[55] = new Errno(55, "ENOANO", "No anode");
        table[56] = new Errno(56, "EBADRQC", "Invalid request code");
        table[57] = new Errno(57, "EBADSLT", "Invalid slot");
        table[59] = new Errno(59, "EBFONT", "Bad font file format");
        table[60] = new Errno(60, "ENOSTR", "Device not a stream");
        table[61] = new Errno(61, "ENODATA", "No data available");
        table[62] = new Errno(62, "ETIME", "Timer expired");
        table[63] = new Errno(63, "ENOSR", "Out of streams resources");
        table[64] = new Errno(64, "ENONET", "Machine is not on the network");
        table[65] = new Errno(65, "ENOPKG", "Package not installed");
        table[66] = new Errno(66, "EREMOTE", "Object is remote");
        table[67] = new Errno(67, "ENOLINK", "Link has been severed");
        table[68] = new Errno(68, "EADV", "Advertise error");
        table[69] = new Errno(69, "ESRMNT", "Srmount error");
        table[70] = new Errno(70, "ECOMM", "Communication error on send");
        table[71] = new Errno(71, "EPROTO", "Protocol error");
        table[72] = new Errno(72, "EMULTIHOP", "Multihop attempted");
        table[73] = new Errno(73, "EDOTDOT", "RFS specific error");
        table[74] = new Errno(74, "EBADMSG", "Bad message");
        table[75] = new Errno(75, "EOVERFLOW", "Value too large for defined data type");
        table[76] = new Errno(76, "ENOTUNIQ", "Name not unique on network");
        table[77] = new Errno(77, "EBADFD", "File descriptor in bad state");
        table[78] = new Errno(78, "EREMCHG", "Remote address changed");
        table[79] = new Errno(79, "ELIBACC", "Can not access a needed shared library");
        table[80] = new Errno(80, "ELIBBAD", "Accessing a corrupted shared library");
        table[81] = new Errno(81, "ELIBSCN", ".lib section in a.out corrupted");
        table[82] = new Errno(82, "ELIBMAX", "Attempting to link in too many shared libraries");
        table[83] = new Errno(83, "ELIBEXEC", "Cannot exec a shared library directly");
        table[84] = new Errno(84, "EILSEQ", "Invalid or incomplete multibyte or wide character");
        table[85] = new Errno(85, "ERESTART", "Interrupted system call should be restarted");
        table[86] = new Errno(86, "ESTRPIPE", "Streams pipe error");
        table[87] = new Errno(87, "EUSERS", "Too many users");
        table[88] = new Errno(88, "ENOTSOCK", "Socket operation on non-socket");
        table[89] = new Errno(89, "EDESTADDRREQ", "Destination address required");
        table[90] = new Errno(90, "EMSGSIZE", "Message too long");
        table[91] = new Errno(91, "EPROTOTYPE", "Protocol wrong type for socket");
        table[92] = new Errno(92, "ENOPROTOOPT", "Protocol not available");
        table[93] = new Errno(93, "EPROTONOSUPPORT", "Protocol not supported");
        table[94] = new Errno(94, "ESOCKTNOSUPPORT", "Socket type not supported");
        table[95] = new Errno(95, "EOPNOTSUPP", "Operation not supported");
        table[96] = new Errno(96, "EPFNOSUPPORT", "Protocol family not supported");
        table[97] = new Errno(97, "EAFNOSUPPORT", "Address family not supported by protocol");
        table[98] = new Errno(98, "EADDRINUSE", "Address already in use");
        table[99] = new Errno(99, "EADDRNOTAVAIL", "Cannot assign requested address");
        table[100] = new Errno(100, "ENETDOWN", "Network is down");
        table[101] = new Errno(101, "ENETUNREACH", "Network is unreachable");
        table[102] = new Errno(102, "ENETRESET", "Network dropped connection on reset");
        table[103] = new Errno(103, "ECONNABORTED", "Software caused connection abort");
        table[104] = new Errno(104, "ECONNRESET", "Connection reset by peer");
        table[105] = new Errno(105, "ENOBUFS", "No buffer space available");
        table[106] = new Errno(106, "EISCONN", "Transport endpoint is already connected");
        table[107] = new Errno(107, "ENOTCONN", "Transport endpoint is not connected");
        table[108] = new Errno(108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown");
        table[109] = new Errno(109, "ETOOMANYREFS", "Too many references: cannot splice");
        table[110] = new Errno(110, "ETIMEDOUT", "Connection timed out");
        table[111] = new Errno(111, "ECONNREFUSED", "Connection refused");
        table[112] = new Errno(112, "EHOSTDOWN", "Host is down");
        table[113] = new Errno(113, "EHOSTUNREACH", "No route to host");
        table[114] = new Errno(114, "EALREADY", "Operation already in progress");
        table[115] = new Errno(115, "EINPROGRESS", "Operation now in progress");
        table[116] = new Errno(116, "ESTALE", "Stale file handle");
        table[117] = new Errno(117, "EUCLEAN", "Structure needs cleaning");
        table[118] = new Errno(118, "ENOTNAM", "Not a XENIX named type file");
        table[119] = new Errno(119, "ENAVAIL", "No XENIX semaphores available");
        table[120] = new Errno(120, "EISNAM", "Is a named type file");
        table[121] = new Errno(121, "EREMOTEIO", "Remote I/O error");
        table[122] = new Errno(122, "EDQUOT", "Disk quota exceeded");
        table[123] = new Errno(123, "ENOMEDIUM", "No medium found");
        table[124] = new Errno(124, "EMEDIUMTYPE", "Wrong medium type");
        table[125] = new Errno(125, "ECANCELED", "Operation canceled");
        table[126] = new Errno(126, "ENOKEY", "Required key not available");
        table[127] = new Errno(127, "EKEYEXPIRED", "Key has expired");
        table[128] = new Errno(128, "EKEYREVOKED", "Key has been revoked");
        table[129] = new Errno(129, "EKEYREJECTED", "Key was rejected by service");
        table[130] = new Errno(130, "EOWNERDEAD", "Owner died");
        table[131] = new Errno(131, "ENOTRECOVERABLE", "State not recoverable");
        table[132] = new Errno(132, "ERFKILL", "Operation not possible due to RF-kill");
        return table;
    }
}
