// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
//
// Run by gmavenplus in the verify phase of java/bundle, the last module of the reactor: stages the
// POM, the main artifact and every attached artifact of each module that ships into the Central
// bundle (io/netlink4j/<artifactId>/<version>/...), as Maven's own project model lists them, then
// checks the bundle (io.netlink4j.bundle.BundleCheck) and, for a release, zips it.
import io.netlink4j.bundle.ArtifactFile
import io.netlink4j.bundle.BundleCheck
import io.netlink4j.bundle.CentralBundle

import java.nio.file.Path

def prop = { String k -> session.userProperties.getProperty(k) ?: project.properties.getProperty(k) }
Path dir = Path.of(prop('netlink4j.bundle.dir'))
boolean release = prop('netlink4j.release') == 'true'

List<ArtifactFile> files = []
List<Path> internal = []
def add = { p, String classifier, String extension, File file ->
    if (file == null) {
        throw new IllegalStateException("${p.artifactId}: its ${classifier ?: ''} ${extension} was not built (run the build to verify)")
    }
    files << new ArtifactFile(p.groupId, p.artifactId, p.version, classifier, extension, file.toPath())
}
for (p in session.projects) {
    if (p.properties.getProperty('netlink4j.publish.skip') == 'true') {
        continue
    }
    add(p, null, 'pom', p.file)
    if (p.packaging != 'pom') {
        add(p, p.artifact.classifier, p.artifact.artifactHandler.extension, p.artifact.file)
    }
    for (a in p.attachedArtifacts) {
        if (a.classifier == 'tests' || a.type.startsWith('test-jar')) {
            // Build support for other modules' tests (and its signature, if signed): never ships.
            if (a.artifactHandler.extension == 'jar') {
                internal << a.file.toPath()
            }
        } else {
            add(p, a.classifier, a.artifactHandler.extension, a.file)
        }
    }
}

CentralBundle.stage(dir, files)
def check = new BundleCheck(prop('netlink4j.bundle.groupId'),
        prop('netlink4j.bundle.artifacts').split(',')*.trim(), prop('netlink4j.bundle.bom'), release)
def problems = check.problems(dir) + check.splitPackages(dir, internal)
if (problems) {
    throw new IllegalStateException("The Central bundle in ${dir} is not complete:\n  " + problems.join('\n  '))
}
log.info("Central bundle: ${files.size()} files of ${files*.artifactId.unique().size()} artifacts in ${dir}, checked"
        + (release ? ', signed' : ', unsigned'))
if (release) {
    Path zip = Path.of(prop('netlink4j.bundle.zip'))
    int n = CentralBundle.zip(dir, zip)
    log.info("Central bundle: ${zip} (${n} files) is ready for the Central Portal's upload")
}
