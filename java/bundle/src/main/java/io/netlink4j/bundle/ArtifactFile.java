// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bundle;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a Maven artifact: its coordinates and where the build wrote it.
 *
 * @param groupId    the group id
 * @param artifactId the artifact id
 * @param version    the version, as given (a SNAPSHOT version stays as it is)
 * @param classifier the classifier, or null or empty for the main artifact and the POM
 * @param extension  the file extension in the repository ({@code pom}, {@code jar},
 *                   {@code tar.gz}, {@code jar.asc}, ...)
 * @param file       the file the build produced
 */
public record ArtifactFile(String groupId, String artifactId, String version, String classifier,
                           String extension, Path file) {

    /** Checks that every coordinate is there. */
    public ArtifactFile {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(file, "file");
        if (classifier != null && classifier.isEmpty()) {
            classifier = null;
        }
    }

    /**
     * The file's name in a Maven repository.
     *
     * @return {@code artifactId-version[-classifier].extension}
     */
    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
    }

    /**
     * The file's path in a Maven repository, relative to its root.
     *
     * @return {@code group/path/artifactId/version/fileName}
     */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }
}
