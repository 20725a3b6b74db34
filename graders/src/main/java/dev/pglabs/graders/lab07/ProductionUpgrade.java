package dev.pglabs.graders.lab07;

import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.PartialCredit;
import dev.pglabs.grading.WrongResult;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Check 02 and its hidden twin: production at V1 with rows, then the student's migrations. Every row must arrive
 * transformed as the tasks say (status, names, emails) and nothing may be lost; each of the four is a point.
 *
 * <p>A failure carries, besides the full feedback with the rows, a summary without any row: what stopped the
 * upgrade (the file and PostgreSQL's kind of error) or which of the four went wrong. That is what a student reads
 * when the rows are hidden, so the feedback names the real cause (a migration that fails on other rows) instead
 * of guessing one.
 */
final class ProductionUpgrade {

    /** One thing the upgrade must get right, with the rows that show what is wrong. */
    private record Aspect(boolean ok, String title, String detail) {
    }

    private static final String BEFORE_USERS = """
            SELECT id::text AS id, username::text AS username, email::text AS email, full_name::text AS full_name,
                   created_at::text AS created_at,
                   lower(btrim(email)) AS expected_email,
                   split_part(btrim(full_name), ' ', 1) AS expected_first,
                   CASE WHEN strpos(btrim(full_name), ' ') > 0
                        THEN substr(btrim(full_name), strpos(btrim(full_name), ' ') + 1) END AS expected_last
            FROM users ORDER BY users.id""";
    private static final String BEFORE_POSTS = """
            SELECT id::text AS id, user_id::text AS user_id, title::text AS title, body::text AS body,
                   published_at::text AS published_at, created_at::text AS created_at,
                   CASE WHEN published_at IS NULL THEN 'draft' ELSE 'published' END AS expected_status
            FROM posts ORDER BY posts.id""";
    private static final List<String> USER_KEPT = List.of("username", "created_at");
    private static final List<String> POST_KEPT = List.of("user_id", "title", "body", "published_at", "created_at");

    private ProductionUpgrade() {
    }

    /**
     * Plays production with the rows of {@code datasets/blog-v1/<rowsFile>} ({@code rowsText} says what they are)
     * and returns when every row arrived as the tasks say; fails with partial credit otherwise.
     */
    static void check(LabFiles files, CheckDatabase db, GradingSession session, String rowsFile, String rowsText) {
        try (MigrationFolder folder = MigrationFolder.of(files, Lab07MigrationsGrader.LAB)) {
            DataSource ds = Flyways.dataSource(db.studentTarget());
            BlogV1.migratedToV1(db, ds, BlogV1.rows(session.course(), rowsFile), "datasets/blog-v1/" + rowsFile);
            GraderReads reads = new GraderReads(db);
            Map<String, Map<String, Object>> usersBefore = reads.byId(BEFORE_USERS);
            Map<String, Map<String, Object>> postsBefore = reads.byId(BEFORE_POSTS);
            Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, ds, folder);

            CatalogInspector catalog = new CatalogInspector(db);
            Map<String, Map<String, Object>> usersAfter = reads.existing("users",
                    List.of("id", "username", "created_at", "email", "first_name", "last_name", "full_name"));
            Map<String, Map<String, Object>> postsAfter = reads.existing("posts",
                    List.of("id", "user_id", "title", "body", "published_at", "created_at", "status"));

            boolean stopped = !run.ok();
            List<Aspect> aspects = withKeptCountedOnlyForChanges(List.of(
                    status(catalog, postsBefore, postsAfter, stopped),
                    names(catalog, usersBefore, usersAfter, stopped),
                    emails(usersBefore, usersAfter),
                    kept(run.ok(), usersBefore, usersAfter, postsBefore, postsAfter)));
            long earned = aspects.stream().filter(Aspect::ok).count();
            if (earned == aspects.size()) {
                return;
            }
            StringBuilder out = new StringBuilder("The grader played production: Flyway applied the original "
                    + BlogV1.V1_FILE + ", the application wrote " + rowsText + ", then your migrations ran on that "
                    + "database.\n");
            out.append(run.ok() ? "Flyway applied " + Flyways.listing(new SchemaHistory(db, reads).appliedScripts()
                    .stream().filter(s -> !s.equals(BlogV1.V1_FILE)).toList()) + ".\n"
                    : Flyways.explain(run.failure(), folder) + "\n");
            String summary = "The grader played production with " + rowsText + ". " + (stopped
                    ? Flyways.summary(run.failure()) + " " : "");
            if (earned == 0 && stopped) {
                String nothing = "None of your migrations could finish on production, so nothing of the new schema "
                        + "arrived.";
                throw new WrongResult(out.append(nothing).toString(), summary + nothing + otherRowsNote(run));
            }
            String arrived = "What arrived (" + earned + " of " + aspects.size() + " right):";
            out.append(arrived);
            StringBuilder titles = new StringBuilder(arrived);
            for (Aspect aspect : aspects) {
                String line = "\n  " + (aspect.ok() ? "✓ " : "✗ ") + aspect.title();
                out.append(line);
                titles.append(line);
                if (!aspect.ok() && !aspect.detail().isEmpty()) {
                    out.append("\n").append(aspect.detail().indent(4).stripTrailing());
                }
            }
            String dataFree = summary.strip() + "\n" + titles + otherRowsNote(run);
            if (earned > 0) {
                throw (PartialCredit) new PartialCredit(earned, out.toString()).withDataFreeSummary(dataFree);
            }
            throw new WrongResult(out.toString(), dataFree);
        }
    }

    /** Where to look when the same migrations pass on the visible rows; not for an edited file, which fails anywhere. */
    private static String otherRowsNote(Flyways.Outcome<MigrateResult> run) {
        if (!run.ok() && Flyways.refusedByValidation(run.failure())) {
            return "";
        }
        return "\nIf your migrations pass on datasets/blog-v1/data.sql, look for a statement that fits only those rows "
                + "(… WHERE id = …, a value copied from the file) or a kind of messy value they do not have.";
    }

    /** "Nothing was lost" earns its point only when the migrations changed something: the starter's keep every row. */
    private static List<Aspect> withKeptCountedOnlyForChanges(List<Aspect> aspects) {
        boolean changedSomething = aspects.subList(0, aspects.size() - 1).stream().anyMatch(Aspect::ok);
        Aspect kept = aspects.get(aspects.size() - 1);
        if (changedSomething || !kept.ok()) {
            return aspects;
        }
        List<Aspect> copy = new ArrayList<>(aspects.subList(0, aspects.size() - 1));
        copy.add(new Aspect(false, kept.title(), "(counted once your migrations get at least one of the changes "
                + "above right)"));
        return copy;
    }

    private static Aspect status(CatalogInspector catalog, Map<String, Map<String, Object>> before,
                                 Map<String, Map<String, Object>> after, boolean stopped) {
        String title = "every post got its status ('published' when it has a published_at, else 'draft')";
        if (catalog.column("posts", "status").isEmpty()) {
            return new Aspect(false, title, "posts has no column status " + (stopped
                    ? "(the upgrade stopped before it was added)." : "(V2 did not add it, or names it differently)."));
        }
        List<List<Object>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> post : before.entrySet()) {
            Map<String, Object> now = after.get(post.getKey());
            Object expected = post.getValue().get("expected_status");
            if (now == null || !Objects.equals(expected, now.get("status"))) {
                wrong.add(Arrays.asList(post.getKey(), post.getValue().get("published_at"), expected,
                        now == null ? "(post is gone)" : now.get("status")));
            }
        }
        return wrong.isEmpty() ? new Aspect(true, title, "") : new Aspect(false, title, wrong.size() + " of "
                + before.size() + " posts have the wrong status:\n" + TableFormatter.format(
                List.of("post", "published_at", "expected status", "your status"), wrong, 6).stripTrailing());
    }

    private static Aspect names(CatalogInspector catalog, Map<String, Map<String, Object>> before,
                                Map<String, Map<String, Object>> after, boolean stopped) {
        String title = "every full_name was split into first_name and last_name, and full_name is gone";
        boolean first = catalog.column("users", "first_name").isPresent();
        boolean last = catalog.column("users", "last_name").isPresent();
        if (!first || !last) {
            return new Aspect(false, title, "users has no column " + (first ? "last_name" : last ? "first_name"
                    : "first_name and no column last_name") + (stopped ? " (the upgrade stopped before V3 was done)."
                    : " (V3 did not add them, or names them differently)."));
        }
        List<List<Object>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> user : before.entrySet()) {
            Map<String, Object> now = after.get(user.getKey());
            Map<String, Object> was = user.getValue();
            if (now == null || !Objects.equals(was.get("expected_first"), now.get("first_name"))
                    || !Objects.equals(was.get("expected_last"), now.get("last_name"))) {
                wrong.add(Arrays.asList(user.getKey(), was.get("full_name"), was.get("expected_first"),
                        was.get("expected_last"), now == null ? "(user is gone)" : now.get("first_name"),
                        now == null ? "" : now.get("last_name")));
            }
        }
        String detail = wrong.isEmpty() ? "" : wrong.size() + " of " + before.size() + " users have the wrong "
                + "first_name or last_name (remove the spaces around the name, first_name up to the first space, "
                + "last_name all the rest or NULL):\n" + TableFormatter.format(List.of("user", "full_name in V1",
                "expected first_name", "expected last_name", "your first_name", "your last_name"), wrong, 6)
                .stripTrailing();
        if (catalog.column("users", "full_name").isPresent()) {
            detail = (detail.isEmpty() ? "" : detail + "\n") + "users still has the column full_name: once "
                    + "first_name and last_name hold the names, V3 drops it (expand, migrate, contract).";
        }
        return new Aspect(detail.isEmpty(), title, detail);
    }

    private static Aspect emails(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        String title = "every email was cleaned (lower case, no spaces around)";
        List<List<Object>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> user : before.entrySet()) {
            Map<String, Object> now = after.get(user.getKey());
            Object expected = user.getValue().get("expected_email");
            if (now == null || !Objects.equals(expected, now.get("email"))) {
                wrong.add(Arrays.asList(user.getKey(), user.getValue().get("email"), expected,
                        now == null ? "(user is gone)" : now.get("email")));
            }
        }
        return wrong.isEmpty() ? new Aspect(true, title, "") : new Aspect(false, title, wrong.size() + " of "
                + before.size() + " emails are not in their clean form (lower(btrim(email))):\n"
                + TableFormatter.format(List.of("user", "email in V1", "expected", "yours"), wrong, 6).stripTrailing());
    }

    private static Aspect kept(boolean finished, Map<String, Map<String, Object>> usersBefore,
                               Map<String, Map<String, Object>> usersAfter, Map<String, Map<String, Object>> postsBefore,
                               Map<String, Map<String, Object>> postsAfter) {
        String title = "nothing was lost: every user and post is still there, with its other columns unchanged";
        if (!finished) {
            return new Aspect(false, title, "(counted only when the whole upgrade finishes)");
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(changes("user", usersBefore, usersAfter, USER_KEPT));
        problems.addAll(changes("post", postsBefore, postsAfter, POST_KEPT));
        return new Aspect(problems.isEmpty(), title, problems.stream().limit(8).map(p -> "- " + p)
                .collect(Collectors.joining("\n")) + (problems.size() > 8 ? "\n- … and " + (problems.size() - 8)
                + " more" : ""));
    }

    private static List<String> changes(String what, Map<String, Map<String, Object>> before,
                                        Map<String, Map<String, Object>> after, List<String> columns) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : before.entrySet()) {
            Map<String, Object> now = after.get(row.getKey());
            if (now == null) {
                problems.add(what + " " + row.getKey() + " is gone");
                continue;
            }
            for (String column : columns) {
                if (!Objects.equals(row.getValue().get(column), now.get(column))) {
                    problems.add(what + " " + row.getKey() + ": " + column + " was "
                            + Flyways.quote(row.getValue().get(column)) + ", now " + Flyways.quote(now.get(column)));
                }
            }
        }
        after.keySet().stream().filter(id -> !before.containsKey(id))
                .forEach(id -> problems.add(what + " " + id + " was not there before"));
        return problems;
    }
}
