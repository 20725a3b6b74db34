package dev.pglabs.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's classpath: jars only, pglabs' admitted classes in one jar named by its content, kept in the cache. */
class WorkerClasspathTest {

    @TempDir
    Path cache;

    private WorkerClasspath build() {
        return WorkerClasspath.build(getClass().getClassLoader(), Map.of("PGLABS_CACHE_DIR", cache.toString()));
    }

    @Test
    void pglabsClassesGoIntoOneJarOfWhatStudentCodeMaySee() throws IOException {
        WorkerClasspath classpath = build();

        Path jar = classpath.entries().get(0);
        assertThat(jar.getParent().getParent()).isEqualTo(cache);
        assertThat(classpath.entries()).as("every entry a file: a class-data archive takes jars only")
                .allMatch(Files::isRegularFile);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(ZipEntry::getName)).contains("dev/pglabs/worker/WorkerMain.class")
                    .allMatch(WorkerClasspath::admitted);
        }
        assertThat(classpath.entries().subList(1, classpath.entries().size()))
                .as("no other entry holds pglabs classes").noneMatch(this::holdsPglabsClasses);
    }

    @Test
    void theSameClassesGiveTheSameJarWhichIsNotWrittenAgain() throws IOException {
        Path first = build().entries().get(0);
        FileTime written = Files.getLastModifiedTime(first);

        Path second = build().entries().get(0);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
    }

    @Test
    void foldersOfOtherBuildsAreRemovedOnlyOnceUnusedForADay() throws IOException {
        Path old = Files.createDirectories(cache.resolve("worker-f1-0000000000000000"));
        FileTime longAgo = FileTime.from(Instant.now().minus(WorkerClasspath.UNUSED).minusSeconds(60));
        Files.setLastModifiedTime(Files.writeString(old.resolve("last-used"), "then"), longAgo);
        Path recent = Files.createDirectories(cache.resolve("worker-f1-1111111111111111"));
        Files.writeString(recent.resolve("last-used"), "now");
        Path unrelated = Files.createDirectories(cache.resolve("embedded-cluster-f1"));

        build();

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(unrelated).exists();
    }

    private boolean holdsPglabsClasses(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("dev/pglabs/"));
        } catch (IOException e) {
            return false;
        }
    }
}
