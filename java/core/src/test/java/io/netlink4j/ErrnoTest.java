// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Errno} as an open value set, and errno exceptions: their messages and serialization. */
class ErrnoTest {

    @Test
    void knownNumbersHaveTheirNameAndDescriptionWhateverTheSign() {
        Errno eexist = Errno.of(Errno.EEXIST);
        assertEquals(17, eexist.value());
        assertEquals("EEXIST", eexist.name());
        assertEquals("File exists", eexist.description());
        assertTrue(eexist.isKnown());
        assertSame(eexist, Errno.of(-17), "the kernel's negative errno is the same errno");
        assertEquals("EEXIST", eexist.toString());
        assertEquals("EOPNOTSUPP", Errno.of(Errno.ENOTSUP).name());
    }

    @Test
    void unknownNumbersKeepTheirValueAndAreNamedByIt() {
        Errno e = Errno.of(200);
        assertFalse(e.isKnown());
        assertEquals(200, e.value());
        assertEquals("200", e.name());
        assertEquals("200", e.toString());
        assertEquals("Unknown error 200", e.description());
        assertEquals(Errno.of(-200), e);
        assertEquals(Errno.of(200).hashCode(), e.hashCode());
        assertNotEquals(Errno.of(201), e);
        assertFalse(Errno.of(41).isKnown(), "41 is unused on Linux");
        assertEquals(Integer.MAX_VALUE, Errno.of(Integer.MIN_VALUE).value());
    }

    @Test
    void parseTakesNamesAliasesAndNumbers() {
        assertSame(Errno.of(Errno.EEXIST), Errno.parse("EEXIST"));
        assertSame(Errno.of(Errno.EEXIST), Errno.parse("eexist"));
        assertSame(Errno.of(95), Errno.parse("ENOTSUP"));
        assertSame(Errno.of(Errno.EAGAIN), Errno.parse("EWOULDBLOCK"));
        assertSame(Errno.of(Errno.ENOENT), Errno.parse("2"));
        assertEquals(Errno.of(300), Errno.parse("300"));
        for (Errno known : new Errno[] {Errno.of(1), Errno.of(105), Errno.of(132), Errno.parse("300")}) {
            assertEquals(known, Errno.parse(known.name()), "parse(name()) round-trips");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Errno.parse("EFOO"));
        assertEquals("errno 'EFOO' (expected: a name such as EEXIST or ENOENT, or a number 0-2147483647)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Errno.parse("-3"));
        assertThrows(NullPointerException.class, () -> Errno.parse(null));
    }

    /** A family exception as IPVS and route make them. */
    static final class FamilyException extends NetlinkErrnoException {
        private static final long serialVersionUID = 1L;

        FamilyException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    @Test
    void familyExceptionsFormatTheErrnoAndTheKernelsTextOneWay() {
        NetlinkErrnoException plain = new NetlinkErrnoException("IPVS NEW_SERVICE", -Errno.EEXIST, null);
        assertEquals("IPVS NEW_SERVICE: EEXIST (File exists)", plain.getMessage());
        FamilyException f = new FamilyException("service TCP 10.0.0.1:80 already exists", plain);
        assertEquals("service TCP 10.0.0.1:80 already exists: EEXIST (File exists)", f.getMessage());
        assertEquals(Errno.EEXIST, f.errno());
        assertEquals("IPVS NEW_SERVICE", f.operation());
        assertSame(plain, f.getCause());
        assertSame(ExtendedAck.NONE, f.extendedAck());

        ExtendedAck ack = new ExtendedAck("Unknown device type", 28, -1, -1, null);
        NetlinkErrnoException refused = new NetlinkErrnoException("RTM_NEWLINK", Errno.EOPNOTSUPP, ack);
        assertEquals("RTM_NEWLINK: EOPNOTSUPP (Operation not supported): Unknown device type [attribute at request offset 28]",
                refused.getMessage());
        FamilyException link = new FamilyException("cannot create link ctr0", refused);
        assertEquals("cannot create link ctr0: EOPNOTSUPP (Operation not supported): Unknown device type",
                link.getMessage());
        assertSame(ack, link.extendedAck());

        assertEquals("cause", assertThrows(NullPointerException.class, () -> new FamilyException("x", null)).getMessage());
        assertEquals("message", assertThrows(NullPointerException.class, () -> new FamilyException(null, plain)).getMessage());
    }

    @Test
    void anErrnoExceptionWithAnExtendedAckSurvivesSerialization() throws IOException, ClassNotFoundException {
        ExtendedAck ack = new ExtendedAck("missing attribute", 24, 7, 32, new byte[] {1, 2, 3});
        NetlinkErrnoException cause = new NetlinkErrnoException("IPVS NEW_DEST", Errno.EINVAL, ack);
        FamilyException original = new FamilyException("destination 10.0.0.2:80 refused", cause);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = in.readObject();
        }
        FamilyException copy = (FamilyException) read;
        assertEquals(original.getMessage(), copy.getMessage());
        assertEquals(Errno.EINVAL, copy.errno());
        assertEquals("EINVAL", copy.errnoName());
        assertEquals("Invalid argument", copy.errnoDescription());
        assertEquals("IPVS NEW_DEST", copy.operation());
        assertEquals(ack, copy.extendedAck());
        assertArrayEquals(new byte[] {1, 2, 3}, copy.extendedAck().cookie());
        NetlinkErrnoException copiedCause = (NetlinkErrnoException) copy.getCause();
        assertEquals(cause.getMessage(), copiedCause.getMessage());
        assertEquals(ack, copiedCause.extendedAck());

        ByteArrayOutputStream b2 = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b2)) {
            out.writeObject(Errno.of(Errno.ENOENT));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b2.toByteArray()))) {
            assertSame(Errno.of(Errno.ENOENT), in.readObject(), "a known errno deserialises to its constant");
        }
    }
}
