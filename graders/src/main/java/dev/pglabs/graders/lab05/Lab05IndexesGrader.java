package dev.pglabs.graders.lab05;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.IndexCatalog;
import dev.pglabs.grading.IndexCatalog.Index;
import dev.pglabs.grading.PartialCredit;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Grades lab 05 (indexes) on the blog-scale data (20,000 users, 200,000 posts, 1,000,000 comments).
 *
 * <p>Each exercise file holds CREATE INDEX statements. A check runs that one file on a fresh copy of the data
 * (indexes from other files cannot change the plan), ANALYZEs the table as the grader when the file indexed an
 * expression (the template's statistics cover everything else), pins the planner settings and reads
 * {@code EXPLAIN (FORMAT JSON)} of the exercise's query with concrete values. It passes when the plan
 * reaches the large table through an index whose <em>definition</em> (keys, order, predicate, uniqueness, read
 * from the catalog; never its name) is what the exercise teaches, with no Seq Scan of that table (and no Sort
 * where the index should give the order). Timings are never looked at.
 *
 * <p>Indexes the file creates that the query does not use cost half the points of the visible check. Each
 * query-based exercise has a hidden twin with other values (another email, author, post), so an index that
 * only covers the value shown in the task (a partial index on that value) fails there.
 */
@Grader(lab = "05-indexes")
@DisplayName("Lab 05 · Indexes")
class Lab05IndexesGrader {

    private static final String USER_BY_EMAIL = "SELECT id, username, full_name FROM users WHERE lower(email) = lower('%s')";
    private static final String POSTS_BY_AUTHOR = "SELECT id, title, created_at FROM posts WHERE user_id = %d "
            + "ORDER BY created_at DESC LIMIT 10";
    private static final String NEWEST_DRAFTS = "SELECT id, user_id, title, created_at FROM posts WHERE status = 'draft' "
            + "ORDER BY created_at DESC LIMIT 20";
    private static final String COMMENTS_OF_POST = "SELECT id, user_id, body, created_at FROM comments WHERE post_id = %d";
    private static final String USER_BY_USERNAME = "SELECT id, username FROM users WHERE lower(username) = lower('%s')";

    // ---- 01 expression index -------------------------------------------------------------------------------

    @Check(id = "01-user-by-email", points = 2,
            hint = "The query compares lower(email), a computed value, and an index on email cannot find that. Index what the "
                    + "WHERE compares (README, section 6).")
    @DisplayName("01 an index on lower(email) serves the login lookup")
    void e01_userByEmail(SqlCheck sql, LabFiles files) {
        userByEmail(sql, files, "mei.ferreira42@GMX.de", true);
    }

    void userByEmail(SqlCheck sql, LabFiles files, String email, boolean visible) {
        double points = visible ? 2 : 1;
        IndexRun run = IndexRun.execute(sql, files, "01-user-by-email.sql", "users", USER_BY_EMAIL.formatted(email));
        if (run.used(i -> i.startsWith("lower(email)")).isPresent() && !run.seqScan()) {
            run.finish(points, points, null, visible);
            return;
        }
        StringBuilder why = new StringBuilder("The query does not use an index on lower(email).\n");
        if (run.seqScan()) {
            why.append("Seq Scan on users: PostgreSQL reads all 20,000 users and computes lower(email) for each one, "
                    + "because no index holds lower(email).");
        }
        Optional<Index> plainEmail = run.created().stream()
                .filter(i -> i.table().equals("users") && i.key(0).equals("email")).findFirst();
        plainEmail.ifPresent(i -> why.append("\n").append(i.describe()).append(" holds the emails as they are stored "
                + "('Mei.Ferreira42@Gmx.De'), sorted by that text. The query looks for lower(email) = '"
                + email.toLowerCase(Locale.ROOT) + "', a value computed from each row, and an index on "
                + "email cannot find that: index the expression itself."));
        why.append(run.whyCreatedIndexesDoNotHelp("lower(email)", "the rows with a given lower(email)"));
        run.finish(points, 0, why.toString(), visible);
    }

    // ---- 02 composite index: column order ------------------------------------------------------------------

    @Check(id = "02-posts-by-author-recent", points = 2,
            hint = "Column order matters: the column compared with = first, the ORDER BY column second (README, section 5).")
    @DisplayName("02 an index on (user_id, created_at) gives an author's newest posts without sorting")
    void e02_postsByAuthorRecent(SqlCheck sql, LabFiles files) {
        postsByAuthor(sql, files, 2742, 1442, true);
    }

    void postsByAuthor(SqlCheck sql, LabFiles files, int userId, int postCount, boolean visible) {
        double points = visible ? 2 : 1;
        IndexRun run = IndexRun.execute(sql, files, "02-posts-by-author-recent.sql", "posts",
                POSTS_BY_AUTHOR.formatted(userId));
        boolean sort = run.plan.hasSort();
        if (run.used(i -> i.startsWith("user_id", "created_at")).isPresent() && !sort && !run.seqScan()) {
            run.finish(points, points, null, visible);
            return;
        }
        Optional<Index> timeFirst = run.used(i -> i.key(0).equals("created_at"));
        if (timeFirst.isPresent()) {
            Index index = timeFirst.get();
            boolean userInIndex = index.keyExpressions().contains("user_id");
            run.finish(points, 0, "Wrong column order: PostgreSQL reads " + index.describe() + ", which starts with "
                    + "created_at.\nThat index is sorted by time across ALL authors. PostgreSQL walks it from the newest "
                    + "post backwards and " + (userInIndex ? "checks user_id in each entry (the Index Cond on the "
                    + "second key)" : "fetches each post to check its user_id (the Filter)") + " until it has found 10 "
                    + "posts by user " + userId + ". That can look fast for an author who writes a lot, but for an author "
                    + "with a few old posts it reads nearly the whole index.\nPut the column compared with = first and the "
                    + "column you sort by second: (user_id, created_at). Then the posts of one author sit together in "
                    + "the index, already in time order, and PostgreSQL reads just the 10 it returns.", visible);
            return;
        }
        Optional<Index> userFirst = run.used(i -> i.key(0).equals("user_id"));
        if (userFirst.isPresent() && sort) {
            run.finish(points, points / 2, "Half way: " + userFirst.get().describe() + " finds the posts of user "
                    + userId + ", but not in time order, so a Sort node sorts all " + postCount + " of them to keep "
                    + "the newest 10.\nAdd created_at as the second key. Among equal user_id values a B-tree keeps its "
                    + "entries sorted by the second key, so PostgreSQL can read the newest 10 directly (reading the "
                    + "index backwards gives DESC order) and stop.", visible);
            return;
        }
        StringBuilder why = new StringBuilder("The query does not use an index on (user_id, created_at).");
        if (run.seqScan()) {
            why.append("\nSeq Scan on posts: PostgreSQL reads all 200,000 posts to find the ").append(postCount)
                    .append(" of user ").append(userId).append(", then sorts them, because no index starts with user_id.");
        }
        if (sort) {
            why.append("\nA Sort node remains: no index gives the rows in the order of ORDER BY created_at DESC.");
        }
        why.append(run.whyCreatedIndexesDoNotHelp("user_id", "the posts of one user"));
        run.finish(points, 0, why.toString(), visible);
    }

    // ---- 03 partial index ----------------------------------------------------------------------------------

    @Check(id = "03-draft-posts", points = 2,
            hint = "A partial index holds only the rows of its WHERE. Choose its column so that the drafts come out in the "
                    + "order of the ORDER BY (README, section 7).")
    @DisplayName("03 a partial index on the drafts gives the newest drafts without sorting")
    void e03_draftPosts(SqlCheck sql, LabFiles files) {
        draftPosts(sql, files, NEWEST_DRAFTS, true);
    }

    void draftPosts(SqlCheck sql, LabFiles files, String query, boolean visible) {
        double points = visible ? 2 : 1;
        IndexRun run = IndexRun.execute(sql, files, "03-draft-posts.sql", "posts", query);
        long drafts = run.countAsGrader("SELECT count(*) FROM posts WHERE status = 'draft'");
        boolean sort = run.plan.hasSort();
        List<Index> used = run.used();
        Optional<Index> draftsOnly = used.stream().filter(Index::partial)
                .filter(i -> run.countAsStudent("SELECT count(*) FROM posts WHERE " + i.predicate(),
                        "the grader's count of the rows in " + i.name()) == drafts)
                .findFirst();
        if (draftsOnly.isPresent() && !sort && !run.seqScan()) {
            run.finish(points, points, null, visible);
            return;
        }
        if (draftsOnly.isPresent()) {
            run.finish(points, points / 2, "Half way: " + draftsOnly.get().describe() + " holds only the " + drafts
                    + " drafts, but not in created_at order, so a Sort node sorts all of them to keep 20.\nMake created_at "
                    + "the key of the partial index: it then returns the drafts newest first (reading it backwards) "
                    + "and PostgreSQL stops after 20.", visible);
            return;
        }
        Optional<Index> wide = used.stream().findFirst();
        if (wide.isPresent() && !sort && !run.seqScan()) {
            Index index = wide.get();
            String holds = index.partial()
                    ? "Its WHERE (" + index.predicate() + ") keeps " + String.format("%,d", run.countAsStudent(
                    "SELECT count(*) FROM posts WHERE " + index.predicate(), "the grader's count of the rows in "
                            + index.name())) + " posts, not only the " + drafts + " drafts."
                    : "It holds an entry for every one of the 200,000 posts (" + index.bytes() / 1024 + " kB), although "
                    + "the query only ever wants the " + drafts + " drafts (about 1 in 100).";
            run.finish(points, points / 2, "Half way: " + index.describe() + " serves the query, but it is not a "
                    + "partial index on the drafts. " + holds + "\nAdd WHERE status = 'draft' to the CREATE INDEX: the "
                    + "index then holds only the drafts (about 100 times smaller), and publishing or editing other "
                    + "posts never has to touch it.", visible);
            return;
        }
        StringBuilder why = new StringBuilder("The query does not use a partial index on the drafts.");
        if (run.seqScan()) {
            why.append("\nSeq Scan on posts: PostgreSQL reads all 200,000 posts to find the ").append(drafts)
                    .append(" drafts, then sorts them.");
        }
        if (sort && !used.isEmpty()) {
            why.append("\n").append(used.get(0).describe()).append(" finds the drafts, but a Sort node then sorts them "
                    + "by created_at.");
        }
        why.append(run.whyCreatedIndexesDoNotHelp("created_at", "the newest drafts"));
        run.finish(points, 0, why.toString(), visible);
    }

    // ---- 04 B-tree on a foreign key ------------------------------------------------------------------------

    @Check(id = "04-comments-of-post", points = 2,
            hint = "Index the column that the WHERE tests, as the first column of the index (README, section 4).")
    @DisplayName("04 an index on comments(post_id) finds the comments of a post")
    void e04_commentsOfPost(SqlCheck sql, LabFiles files) {
        commentsOfPost(sql, files, 4242, 4, true);
    }

    void commentsOfPost(SqlCheck sql, LabFiles files, int postId, int commentCount, boolean visible) {
        double points = visible ? 2 : 1;
        IndexRun run = IndexRun.execute(sql, files, "04-comments-of-post.sql", "comments",
                COMMENTS_OF_POST.formatted(postId));
        Optional<Index> serving = run.used(i -> i.startsWith("post_id"));
        if (serving.isPresent() && !run.seqScan() && !serving.get().method().equals("btree")) {
            // The task names the access method: a hash index serves this one lookup and nothing else.
            run.finish(points, points / 2, "Half way: " + serving.get().describe() + " finds the comments of post "
                    + postId + ", but it is a " + serving.get().method() + " index and the task asks for a B-tree.\n"
                    + "A B-tree (what CREATE INDEX makes without USING) also serves ranges, ORDER BY and sorting "
                    + "by post_id, and it can be a UNIQUE or a multi-column index; a " + serving.get().method()
                    + " index can do only part of that. Leave out the USING clause.", visible);
            return;
        }
        if (serving.isPresent() && !run.seqScan()) {
            run.finish(points, points, null, visible);
            return;
        }
        StringBuilder why = new StringBuilder("The query does not use an index that starts with post_id.");
        Optional<Index> other = run.used().stream().filter(i -> !i.startsWith("post_id")).findFirst();
        if (other.isPresent() && other.get().keyExpressions().contains("post_id")) {
            why.append("\nPostgreSQL reads ").append(other.get().describe()).append(", where post_id is not the first "
                    + "key. It can still test post_id inside the index (the Index Cond), but the entries of post ")
                    .append(postId).append(" are spread all over an index sorted by ").append(other.get().key(0))
                    .append(", so it reads the whole index: 1,000,000 entries to find ").append(commentCount)
                    .append(". Put post_id first.");
        }
        if (run.seqScan()) {
            why.append("\nSeq Scan on comments: PostgreSQL reads all 1,000,000 comments to find the ").append(commentCount)
                    .append(" of post ").append(postId).append(", because no index starts with post_id. (A foreign key "
                    + "does not create an index on the referencing column: comments.post_id has none until you add it.)");
        }
        why.append(run.whyCreatedIndexesDoNotHelp("post_id", "the comments of one post"));
        run.finish(points, 0, why.toString(), visible);
    }

    // ---- 05 unique expression index ------------------------------------------------------------------------

    @Check(id = "05-unique-username-lower", points = 2,
            hint = "One UNIQUE index on the expression that the lookup compares does both jobs (README, sections 6 and 8).")
    @DisplayName("05 a unique index on lower(username) rejects 'MEIFERREIRA42' and serves the lookup")
    void e05_uniqueUsernameLower(SqlCheck sql, LabFiles files) {
        uniqueUsername(sql, files, "MeiFerreira42", "MEIFERREIRA42", true);
    }

    void uniqueUsername(SqlCheck sql, LabFiles files, String existing, String variant, boolean visible) {
        double points = visible ? 2 : 1;
        IndexRun run = IndexRun.execute(sql, files, "05-unique-username-lower.sql", "users",
                USER_BY_USERNAME.formatted(existing.toLowerCase(Locale.ROOT)));
        Predicate<Index> enforcing = i -> i.unique() && !i.partial() && i.keyExpressions().equals(List.of("lower(username)"));
        boolean lookupServed = run.used(i -> i.startsWith("lower(username)")).isPresent() && !run.seqScan();
        boolean intendedUsed = run.used(enforcing).isPresent() && !run.seqScan();

        StudentSession student = sql.database().student();
        String rejected = null;
        try {
            student.execute("INSERT INTO users (username, email, full_name, created_at) VALUES ('" + variant
                    + "', 'grader.check.1@example.test', 'Grader Check', '2026-01-01')", "the grader's INSERT of '"
                    + variant + "'");
        } catch (StudentSqlException e) {
            if (!"23505".equals(e.sqlState())) {
                throw e;
            }
            rejected = e.getMessage();
        }
        String newUserProblem = null;
        try {
            student.execute("INSERT INTO users (username, email, full_name, created_at) VALUES ('zz.grader.check', "
                    + "'grader.check.2@example.test', 'Grader Check', '2026-01-02')", "the grader's INSERT of 'zz.grader.check'");
        } catch (StudentSqlException e) {
            newUserProblem = "Your index also rejects a username nobody has yet ('zz.grader.check'):\n  " + e.getMessage();
        }
        boolean enforced = rejected != null;
        String behaviour = (enforced ? "INSERT of '" + variant + "' (while '" + existing + "' exists) was rejected, "
                + "as it should be (23505 unique_violation)." : "INSERT of '" + variant + "' was ACCEPTED although '"
                + existing + "' exists: the two differ only in letter case.");

        if (intendedUsed && enforced && newUserProblem == null) {
            run.finish(points, points, null, visible);
            return;
        }
        List<String> problems = new ArrayList<>();
        if (newUserProblem != null) {
            problems.add(newUserProblem);
        }
        if (!enforced) {
            problems.add(behaviour);
            Optional<Index> plain = run.created().stream().filter(i -> i.unique() && i.key(0).equals("username")).findFirst();
            if (plain.isPresent()) {
                problems.add(plain.get().describe() + " compares usernames exactly, letter case included: to it '"
                        + variant + "' and '" + existing + "' are different values. (The UNIQUE constraint "
                        + "users_username_key already did that.) Make the index unique on lower(username).");
            } else if (lookupServed) {
                problems.add("Your index on lower(username) serves the lookup but does not forbid duplicates: it is not "
                        + "UNIQUE (or it is partial). Use CREATE UNIQUE INDEX.");
            }
        }
        if (!lookupServed) {
            problems.add("The login query does not use an index on lower(username)"
                    + (run.seqScan() ? " (Seq Scan on users)." : ".")
                    + (enforced ? " Your unique index enforces the rule, but on another expression than the query's "
                    + "lower(username): index exactly that expression so one index does both jobs." : ""));
        }
        double earned = newUserProblem == null && (enforced || lookupServed) && !(enforced && lookupServed)
                ? points / 2 : 0;
        String message = (earned > 0 ? "Half way. " : "") + String.join("\n", problems);
        run.finish(points, earned, message + run.whyCreatedIndexesDoNotHelp("lower(username)",
                "the user with a given lower(username)"), visible);
    }

    // ---- 06 redundant indexes ------------------------------------------------------------------------------

    @Check(id = "06-cleanup", points = 2,
            hint = "Compare the definitions in pg_indexes, not the names: two indexes with the same columns are one too many.")
    @DisplayName("06 drops the redundant indexes on users and keeps the useful ones")
    void e06_cleanup(SqlCheck sql, LabFiles files) {
        IndexRun run = IndexRun.execute(sql, files, "06-cleanup.sql", null, null);
        List<Index> users = run.onTable("users");
        List<String> problems = new ArrayList<>();
        int fixed = 0;

        Optional<Index> emailKey = IndexCatalog.named(users, "users_email_key");
        List<Index> emailCopies = users.stream().filter(i -> !i.name().equals("users_email_key") && i.key(0).equals("email")
                && i.keys().size() == 1 && !i.partial()).toList();
        if (emailCopies.isEmpty()) {
            fixed++;
        } else {
            problems.add("Still redundant: " + names(emailCopies) + " on users (email). The UNIQUE constraint on email "
                    + "already has its own index, users_email_key, which serves every search on email.");
        }
        List<Index> cityIndexes = users.stream().filter(i -> i.keyExpressions().equals(List.of("city")) && !i.partial())
                .toList();
        if (cityIndexes.size() == 1) {
            fixed++;
        } else if (cityIndexes.isEmpty()) {
            problems.add("No index on users (city) is left. users_city_idx and idx_users_city were the same index under "
                    + "two names: drop one of them and keep the other (the app searches users by city).");
        } else {
            problems.add("Still redundant: " + names(cityIndexes) + " are the same index on users (city) under "
                    + "different names. Drop all but one.");
        }
        int mistakes = 0;
        if (users.stream().noneMatch(i -> i.keyExpressions().equals(List.of("created_at")))) {
            mistakes++;
            problems.add("users_created_at_idx is gone, but it was not redundant: no other index starts with "
                    + "created_at. Leave it.");
        }
        if (emailKey.isEmpty()) {
            mistakes++;
            problems.add("users_email_key is gone: it is the index of the UNIQUE constraint on email. Keep it.");
        }
        if (!run.created().isEmpty()) {
            mistakes++;
            problems.add("This exercise only drops indexes, but your file creates "
                    + run.created().stream().map(Index::describe).collect(Collectors.joining(", ")) + ".");
        }
        if (problems.isEmpty()) {
            return;
        }
        double earned = Math.max(0, fixed - mistakes);
        String message = String.join("\n", problems) + "\n\nIndexes on users after your file:\n"
                + users.stream().map(i -> "  " + i.describe()).collect(Collectors.joining("\n"));
        if (earned > 0) {
            throw new PartialCredit(earned, message);
        }
        throw new AssertionFailedError(message);
    }

    private static String names(List<Index> indexes) {
        return indexes.stream().map(Index::name).collect(Collectors.joining(" and "));
    }
}
