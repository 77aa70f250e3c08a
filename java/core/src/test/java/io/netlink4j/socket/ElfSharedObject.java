// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a 64-bit little-endian ELF shared object (x86-64, AArch64) says about the machine it runs
 * on and the symbol versions it needs from other libraries: the ELF header and the
 * {@code SHT_GNU_verneed} section (what {@code readelf -h} and {@code readelf -V} show).
 */
final class ElfSharedObject {
    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;

    private static final int ET_DYN = 3;
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;

    /** One version a library needs from another: {@code libc.so.6} / {@code GLIBC_2.14}. */
    record VersionNeed(String file, String version) {}

    private final int machine;
    private final List<VersionNeed> versionNeeds;

    private ElfSharedObject(int machine, List<VersionNeed> versionNeeds) {
        this.machine = machine;
        this.versionNeeds = versionNeeds;
    }

    int machine() {
        return machine;
    }

    List<VersionNeed> versionNeeds() {
        return versionNeeds;
    }

    static String machineName(int machine) {
        return switch (machine) {
            case EM_X86_64 -> "x86-64";
            case EM_AARCH64 -> "AArch64";
            default -> "machine " + machine;
        };
    }

    /** Parses {@code bytes} (named {@code name} in errors); throws IllegalArgumentException if malformed. */
    static ElfSharedObject parse(String name, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        require(name, bytes.length >= 64, "file of " + bytes.length + " bytes is shorter than an ELF64 header (64)");
        require(name, b.getInt(0) == 0x464c457f, "no ELF magic (expected: 7f 45 4c 46)");
        require(name, bytes[4] == 2, "ELF class " + bytes[4] + " (expected: 2, 64-bit)");
        require(name, bytes[5] == 1, "ELF data encoding " + bytes[5] + " (expected: 1, little-endian)");
        int type = Short.toUnsignedInt(b.getShort(16));
        require(name, type == ET_DYN, "ELF type " + type + " (expected: " + ET_DYN + ", shared object)");
        int machine = Short.toUnsignedInt(b.getShort(18));

        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3a));
        int shnum = Short.toUnsignedInt(b.getShort(0x3c));
        require(name, shentsize == 64, "section header size " + shentsize + " (expected: 64)");
        require(name, shoff > 0 && shoff + (long) shnum * shentsize <= bytes.length,
                "section headers at " + shoff + " (" + shnum + " of them) lie outside the file of " + bytes.length + " bytes");

        List<VersionNeed> needs = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) != SHT_GNU_VERNEED) {
                continue;
            }
            long offset = b.getLong(sh + 0x18);
            long size = b.getLong(sh + 0x20);
            int link = b.getInt(sh + 0x28);
            int entries = b.getInt(sh + 0x2c);
            require(name, offset + size <= bytes.length, ".gnu.version_r lies outside the file");
            require(name, link > 0 && link < shnum, ".gnu.version_r links to section " + link + " of " + shnum);
            int strs = (int) (shoff + (long) link * shentsize);
            long strOffset = b.getLong(strs + 0x18);
            long strSize = b.getLong(strs + 0x20);
            require(name, strOffset + strSize <= bytes.length, "the string table of .gnu.version_r lies outside the file");

            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
            long vn = offset;
            for (int e = 0; e < entries; e++) {
                require(name, vn + 16 <= offset + size, "version need entry " + e + " runs past .gnu.version_r");
                int count = Short.toUnsignedInt(b.getShort((int) vn + 2));
                String file = string(name, bytes, strOffset, strSize, Integer.toUnsignedLong(b.getInt((int) vn + 4)));
                long aux = vn + Integer.toUnsignedLong(b.getInt((int) vn + 8));
                for (int a = 0; a < count; a++) {
                    require(name, aux + 16 <= offset + size, "version need auxiliary entry runs past .gnu.version_r");
                    String version = string(name, bytes, strOffset, strSize, Integer.toUnsignedLong(b.getInt((int) aux + 8)));
                    needs.add(new VersionNeed(file, version));
                    aux += Integer.toUnsignedLong(b.getInt((int) aux + 12));
                }
                vn += Integer.toUnsignedLong(b.getInt((int) vn + 12));
            }
        }
        return new ElfSharedObject(machine, Collections.unmodifiableList(needs));
    }

    private static String string(String name, byte[] bytes, long tableOffset, long tableSize, long index) {
        require(name, index < tableSize, "string index " + index + " outside a string table of " + tableSize + " bytes");
        int start = (int) (tableOffset + index);
        int end = start;
        while (end < tableOffset + tableSize && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    }

    private static void require(String name, boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(name + ": not a readable ELF64 shared object: " + problem);
        }
    }
}
