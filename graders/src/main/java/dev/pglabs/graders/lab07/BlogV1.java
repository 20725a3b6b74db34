package dev.pglabs.graders.lab07;

import dev.pglabs.course.Course;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The lab's story: the blog at version 1. Its original V1 migration ships with the grader (the student's copy
 * may have been edited, which is what the grader must notice), its production rows live in
 * {@code datasets/blog-v1/}. Everything is created as the check's student role, as an application would.
 */
final class BlogV1 {

    static final String V1_FILE = "V1__create_blog.sql";
    static final String DATA = "data.sql";

    private BlogV1() {
    }

    /** The V1 migration exactly as the course ships it in labs/07-migrations-flyway/db/migration. */
    static String v1() {
        try (InputStream in = BlogV1.class.getResourceAsStream(V1_FILE)) {
            if (in == null) {
                throw new IllegalStateException("grader resource " + V1_FILE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A production row file of datasets/blog-v1. */
    static String rows(Course course, String file) {
        Path path = course.home().resolve("datasets").resolve("blog-v1").resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProvisioningException("The course dataset datasets/blog-v1/" + file + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Production as it is today: Flyway applied the original V1 (so its history says "version 1" with V1's
     * checksum), and the application has written rows since.
     */
    static void migratedToV1(CheckDatabase db, DataSource dataSource, String rows, String rowsName) {
        try (MigrationFolder original = MigrationFolder.of("the original V1", Map.of(V1_FILE, v1()))) {
            Flyways.Outcome<?> outcome = Flyways.migrate(db, dataSource, original);
            if (!outcome.ok()) {
                throw new ProvisioningException("The grader could not put its database at version 1 (a problem of "
                        + "the grader, not of your answer): " + outcome.failure().getMessage(), outcome.failure());
            }
        }
        load(db, rows, rowsName);
    }

    /** A database built by hand before the team used Flyway: V1's tables and the rows, but no history table. */
    static void builtByHand(CheckDatabase db, String rows, String rowsName) {
        db.student().execute(v1(), "the grader's copy of " + V1_FILE);
        load(db, rows, rowsName);
    }

    private static void load(CheckDatabase db, String rows, String rowsName) {
        db.student().execute(rows, rowsName);
    }
}
