package dev.pglabs.classroom;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/** When a lab was handed in: a clone's last commit touching the lab, else file times; hostile repositories. */
class SubmissionTimeTest {

    @TempDir
    Path tmp;

    static void commit(Git git, String message, Instant when) throws Exception {
        PersonIdent who = new PersonIdent("Student", "s@example.org", when, ZoneOffset.ofHours(2));
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    @Test
    void aCloneIsDatedByTheLastCommitThatTouchedTheLab() throws Exception {
        Path origin = tmp.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(origin.resolve("labs/01-sql-basics"));
            Files.writeString(origin.resolve("labs/01-sql-basics/01.sql"), "select 1;");
            commit(git, "lab 01", Instant.parse("2026-10-05T20:00:00Z"));
            Files.createDirectories(origin.resolve("labs/03-relations-joins"));
            Files.writeString(origin.resolve("labs/03-relations-joins/01.sql"), "select 3;");
            commit(git, "lab 03", Instant.parse("2026-10-20T08:00:00Z"));
        }
        Path student = tmp.resolve("class/ana");
        Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(student.resolve("repo").toFile()).call()
                .close();
        SubmissionTime lab01 = SubmissionTime.of(student, student.resolve("repo/labs/01-sql-basics")).orElseThrow();
        assertThat(lab01.instant()).isEqualTo(Instant.parse("2026-10-05T20:00:00Z"));
        assertThat(lab01.source()).startsWith("commit ");
        assertThat(SubmissionTime.of(student, student.resolve("repo/labs/03-relations-joins")).orElseThrow().instant())
                .isEqualTo(Instant.parse("2026-10-20T08:00:00Z"));
        assertThat(SubmissionTime.of(student, student.resolve("repo/labs/05-indexes"))).isEmpty();
    }

    @Test
    void aPlainFolderIsDatedByItsNewestFile() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("bo/01-sql-basics/sub"));
        Files.writeString(lab.resolve("a.sql"), "select 1;");
        Files.writeString(lab.getParent().resolve("b.sql"), "select 2;");
        Files.setLastModifiedTime(lab.resolve("a.sql"), FileTime.from(Instant.parse("2026-10-06T10:00:00Z")));
        Files.setLastModifiedTime(lab.getParent().resolve("b.sql"), FileTime.from(Instant.parse("2026-10-04T10:00:00Z")));
        SubmissionTime t = SubmissionTime.of(tmp.resolve("bo"), lab.getParent()).orElseThrow();
        assertThat(t.instant()).isEqualTo(Instant.parse("2026-10-06T10:00:00Z"));
        assertThat(t.source()).isEqualTo("newest file");
        assertThat(t.note()).isEmpty();
    }

    @Test
    void aHostileRepositoryRunsNothingAndABrokenOneFallsBackToFileTimes() throws Exception {
        Path student = tmp.resolve("mallory");
        Path marker = tmp.resolve("ran");
        try (Git git = Git.init().setDirectory(student.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(student.resolve("01-sql-basics"));
            Files.writeString(student.resolve("01-sql-basics/01.sql"), "select 1;");
            commit(git, "lab 01", Instant.parse("2026-10-05T20:00:00Z"));
            // What a hostile clone could carry: a monitor command, hooks and an alias that write a file when run.
            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "fsmonitor", "touch " + marker);
            config.setString("core", null, "hooksPath", student.resolve("hooks").toString());
            config.setString("alias", null, "log", "!touch " + marker);
            config.save();
        }
        Path hooks = Files.createDirectories(student.resolve("hooks"));
        for (String hook : new String[]{"post-checkout", "pre-commit", "post-index-change", "reference-transaction"}) {
            Files.writeString(hooks.resolve(hook), "#!/bin/sh\ntouch " + marker + "\n");
            hooks.resolve(hook).toFile().setExecutable(true);
        }
        assertThat(SubmissionTime.of(student, student.resolve("01-sql-basics")).orElseThrow().instant())
                .isEqualTo(Instant.parse("2026-10-05T20:00:00Z"));
        assertThat(marker).doesNotExist();

        // A link inside .git (it could lead JGit out of the folder) is not read.
        Path outside = Files.writeString(tmp.resolve("outside-config"), "[core]\n");
        Files.move(student.resolve(".git/config"), tmp.resolve("config.bak"));
        Files.createSymbolicLink(student.resolve(".git/config"), outside);
        assertThat(SubmissionTime.of(student, student.resolve("01-sql-basics")).orElseThrow().note())
                .contains(".git holds config, which is not a plain file or folder");
        Files.delete(student.resolve(".git/config"));
        Files.move(tmp.resolve("config.bak"), student.resolve(".git/config"));

        // Objects gone: the repository cannot be read, so the files' time is used, with a note.
        try (var objects = Files.walk(student.resolve(".git/objects"))) {
            for (Path p : objects.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(student.resolve(".git/objects"))) {
                    Files.delete(p);
                }
            }
        }
        Files.setLastModifiedTime(student.resolve("01-sql-basics/01.sql"),
                FileTime.from(Instant.parse("2026-10-09T09:00:00Z")));
        SubmissionTime broken = SubmissionTime.of(student, student.resolve("01-sql-basics")).orElseThrow();
        assertThat(broken.instant()).isEqualTo(Instant.parse("2026-10-09T09:00:00Z"));
        assertThat(broken.note()).contains("could not be read").contains("file times used");

        // A .git that is a link elsewhere is not followed.
        Path linked = Files.createDirectories(tmp.resolve("linked/01-sql-basics"));
        Files.writeString(linked.resolve("01.sql"), "select 1;");
        Files.createSymbolicLink(tmp.resolve("linked/.git"), student.resolve(".git"));
        assertThat(SubmissionTime.of(tmp.resolve("linked"), linked).orElseThrow().note())
                .contains("not followed");
    }
}
