// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bundle for the Central Portal's upload: artifact files in Maven repository layout, each with
 * its checksums, and the zip of it all.
 */
public final class CentralBundle {

    /** The checksum files written beside every artifact file: extension and digest algorithm. */
    public static final Map<String, String> CHECKSUMS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

    /** The extension of a detached signature. */
    public static final String SIGNATURE = "asc";

    /** Zip entries carry this time (1980-02-01 UTC), so the same files give the same zip. */
    private static final long ZIP_TIME = 315_532_800_000L + 31L * 86_400_000L;

    private CentralBundle() {
    }

    /**
     * Empties {@code dir} and copies every file into it in repository layout. Every file but a
     * signature gets {@code .md5}, {@code .sha1}, {@code .sha256} and {@code .sha512} beside it
     * (signatures carry none, as Maven itself deploys them).
     *
     * @param dir   the bundle directory, created if needed, emptied if not
     * @param files the files to stage
     * @return the staged files, without their checksums, relative to {@code dir}, in input order
     * @throws IllegalArgumentException when a file is missing or two files share a repository path
     */
    public static List<String> stage(Path dir, List<ArtifactFile> files) {
        Map<String, ArtifactFile> byPath = new HashMap<>();
        for (ArtifactFile f : files) {
            if (!Files.isRegularFile(f.file())) {
                throw new IllegalArgumentException(f.repositoryPath() + ": no such file " + f.file()
                        + " (was the module built up to the package phase?)");
            }
            ArtifactFile previous = byPath.putIfAbsent(f.repositoryPath(), f);
            if (previous != null) {
                throw new IllegalArgumentException(f.repositoryPath() + ": both " + previous.file()
                        + " and " + f.file());
            }
        }
        try {
            delete(dir);
            List<String> staged = new ArrayList<>();
            for (ArtifactFile f : files) {
                Path target = dir.resolve(f.repositoryPath());
                Files.createDirectories(target.getParent());
                Files.copy(f.file(), target, StandardCopyOption.COPY_ATTRIBUTES);
                if (!f.extension().endsWith("." + SIGNATURE)) {
                    for (Map.Entry<String, String> c : CHECKSUMS.entrySet()) {
                        Files.writeString(target.resolveSibling(target.getFileName() + "." + c.getKey()),
                                digest(target, c.getValue()), StandardCharsets.US_ASCII);
                    }
                }
                staged.add(f.repositoryPath());
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Zips everything under {@code dir} into {@code zip}, paths relative to {@code dir}, in name
     * order and with one fixed time, as the Central Portal's bundle upload takes it.
     *
     * @param dir the bundle directory
     * @param zip the zip file to write (replaced if it exists)
     * @return the number of files in the zip
     */
    public static int zip(Path dir, Path zip) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> entries = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(dir::relativize)).toList();
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                for (Path p : entries) {
                    ZipEntry e = new ZipEntry(dir.relativize(p).toString().replace('\\', '/'));
                    e.setTime(ZIP_TIME);
                    z.putNextEntry(e);
                    Files.copy(p, z);
                    z.closeEntry();
                }
            }
            return entries.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The digest of a file as lower-case hex.
     *
     * @param file      the file
     * @param algorithm a {@link MessageDigest} algorithm name
     * @return the hex digest
     * @throws IOException when the file cannot be read
     */
    public static String digest(Path file, String algorithm) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
