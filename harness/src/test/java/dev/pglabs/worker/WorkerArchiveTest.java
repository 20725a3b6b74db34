package dev.pglabs.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's class-data archive: made from the names workers report (which student code may have written), of the
 * classpath's own classes only, and mapped by a JVM on that classpath.
 */
class WorkerArchiveTest {

    private static final String OURS = "dev/pglabs/worker/LoadedClasses";

    @TempDir
    Path folder;

    /** A one-class jar: the classpath the archive is made for. */
    private List<Path> classpath() throws IOException {
        Path jar = folder.resolve("classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = getClass().getClassLoader().getResourceAsStream(OURS + ".class")) {
            out.putNextEntry(new JarEntry(OURS + ".class"));
            in.transferTo(out);
        }
        return List.of(jar);
    }

    @Test
    void keepsOnlyClassesOfTheClasspathAndMakesAnArchiveTheJvmMaps() throws Exception {
        List<Path> classpath = classpath();
        WorkerArchive archive = WorkerArchive.of(folder, classpath, Map.of());
        assertThat(archive.file()).isEmpty();

        archive.offer(String.join("\n", "# a comment", "java/lang/Object", "java/lang/String", OURS,
                "no/such/Thing", "@lambda-proxy java/lang/Object run", "evil/Thing id: 9 super: 0 source: /etc/passwd",
                "../../etc/passwd", "java/lang/Object"));
        archive.awaitDump();

        assertThat(Files.readAllLines(folder.resolve("classes.lst"), StandardCharsets.UTF_8))
                .containsExactly(OURS, "java/lang/Object", "java/lang/String");
        assertThat(archive.file()).as("the archive; the dump said:%n%s", dumpLog()).isPresent();
        assertThat(archive.jvmOptions(archive.file(), "/tmp"))
                .contains("-XX:SharedArchiveFile=" + archive.file().orElseThrow());
        // -Xshare:on fails where the archive cannot be mapped (made for other jars, or broken).
        Process jvm = new ProcessBuilder(Bubblewrap.javaExecutable(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive.file().orElseThrow(), "-cp", classpath.get(0).toString(), "-version")
                .redirectErrorStream(true).start();
        String said = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(said).isZero();
    }

    @Test
    void nothingNewMakesNoNewArchive() throws Exception {
        WorkerArchive archive = WorkerArchive.of(folder, classpath(), Map.of());
        archive.offer("java/lang/String\n" + OURS);
        archive.awaitDump();
        long made = Files.getLastModifiedTime(archive.file().orElseThrow()).toMillis();

        WorkerArchive again = WorkerArchive.of(folder, classpath(), Map.of());
        again.offer(OURS + "\njava/lang/String\nno/such/Thing");
        again.awaitDump();

        assertThat(Files.getLastModifiedTime(again.file().orElseThrow()).toMillis()).isEqualTo(made);
    }

    @Test
    void offWhenTurnedOffOrWhenAFolderIsOnTheClasspath() throws Exception {
        WorkerArchive off = WorkerArchive.of(folder, classpath(), Map.of(WorkerArchive.SWITCH, "off"));
        WorkerArchive folders = WorkerArchive.of(folder, List.of(folder), Map.of());

        for (WorkerArchive archive : List.of(off, folders)) {
            archive.offer("java/lang/String");
            archive.awaitDump();
            assertThat(archive.enabled()).isFalse();
            assertThat(archive.jvmOptions(archive.file(), "/tmp")).isEmpty();
            assertThat(folder.resolve("classes.lst")).doesNotExist();
        }
    }

    private String dumpLog() throws IOException {
        Path log = folder.resolve("dump.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}
