package dev.pglabs.graders.lab08;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.Problems;
import dev.pglabs.graders.lab08.sandboxed.ReadMapping.Table;
import dev.pglabs.graders.lab08.sandboxed.Reading;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.orm.SqlBudget;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grades lab 08 (Ebean) against the blog after lab 07's migrations. The submission is compiled as the student's
 * Maven build does it (query beans generated, entities enhanced) in the grader, which only reads class files. All of
 * the student's code runs in the worker ({@link StudentJvm}, the {@code sandboxed} package): every check starts Ebean
 * there on the check's own database as the student's role and calls {@code blog.BlogRepository}, recording each SQL
 * statement it sends; the entities are read there too (getters, lazy loading) and come back as plain rows.
 *
 * <p>The mapping checks read every user, post and comment through the student's entities and compare them with
 * plain SQL. The query checks first make the rows tie where the task names a tie-breaker ({@link Ties}), then
 * compare results and hold each operation to its budget of SQL statements (and to no lazy loading where the task
 * forbids it, {@link Statements}). The transaction check makes the database refuse the last insert of an operation
 * and looks for anything left behind. The migration check runs the student's generator, compares its output with
 * the migration handed in, and applies that with Flyway (in the worker) on top of the existing schema.
 */
@Grader(lab = "08-orm-ebean", ebean = true)
@DisplayName("Lab 08 · An ORM: Ebean")
class Lab08OrmEbeanGrader {

    private static final String STRING = "java.lang.String";

    @Check(id = "01-users-profiles", points = 2, hiddenOn = "hidden",
            hint = "Ebean maps class and field names to tables and columns by a naming convention (camelCase to "
                    + "snake_case), and the class User would map a table named user: say which table it maps. A "
                    + "one-to-one has an owning side and a mapped side.")
    @DisplayName("01 User and Profile map the tables users and profiles (one-to-one)")
    void e01_usersAndProfiles(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository blog = StudentRepository.open(jvm, code, db)) {
            List<List<Object>> expected = Reference.rows(db, "SELECT u.id, u.username, u.email, u.first_name, "
                    + "u.last_name, u.city, p.bio, p.website, p.birth_date::text FROM users u "
                    + "LEFT JOIN profiles p ON p.user_id = u.id ORDER BY u.id");
            List<List<Object>> actual = blog.read(Table.USERS, files, "reading every user with its profile");
            RowComparison.byId("user", List.of("id", "username", "email", "firstName", "lastName", "city",
                    "profile.bio", "profile.website", "profile.birthDate"), expected, actual);
        }
    }

    @Check(id = "02-posts-comments-tags", points = 3, hiddenOn = "hidden",
            hint = "Name the relation on each side: many posts to one author, one post to many comments, many posts "
                    + "to many tags through the link table. Where a column name differs from Ebean's guess, name the "
                    + "join column.")
    @DisplayName("02 Post, Comment and Tag map their tables and relations (many-to-one, one-to-many, many-to-many)")
    void e02_postsCommentsTags(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository blog = StudentRepository.open(jvm, code, db)) {
            List<List<Object>> expectedPosts = Reference.rows(db, "SELECT p.id, p.title, p.status, "
                    + "p.views::bigint, p.published_at, u.username, coalesce((SELECT string_agg(t.name, ', ' ORDER BY "
                    + "t.name) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), ''), "
                    + "(SELECT count(*) FROM comments c WHERE c.post_id = p.id) FROM posts p JOIN users u ON u.id = "
                    + "p.user_id ORDER BY p.id");
            RowComparison.byId("post", List.of("id", "title", "status", "views", "publishedAt", "author.username",
                    "tags (by name)", "comments (how many)"), expectedPosts,
                    blog.read(Table.POSTS, files, "reading every post with its author, tags and comments"));
            List<List<Object>> expectedComments = Reference.rows(db, "SELECT c.id, c.post_id::bigint, u.username, "
                    + "c.body FROM comments c JOIN users u ON u.id = c.user_id ORDER BY c.id");
            RowComparison.byId("comment", List.of("id", "post.id", "author.username", "body"), expectedComments,
                    blog.read(Table.COMMENTS, files, "reading every comment with its post and author"));
        }
    }

    @Check(id = "03-find-by-username", points = 2,
            hint = "A query bean for users can filter by username and fetch the profile in the same statement; the "
                    + "method returns an Optional.")
    @DisplayName("03 findByUsername: a query bean finds the user and its profile in one statement")
    void e03_findByUsername(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository opened = StudentRepository.open(jvm, code, db)) {
            QueryBeans.require(code, "QUser");
            StudentRepository repo = opened.create(files);
            String username = "ana.ferreira";
            String shown = "findByUsername(\"" + username + "\")";
            List<Object> expected = Reference.rows(db, "SELECT u.id, u.first_name, p.bio FROM users u LEFT JOIN "
                    + "profiles p ON p.user_id = u.id WHERE u.username = ?", username).get(0);
            StudentRepository.Outcome<ArrayList<Object>> found = repo.call(shown, Reading.USER_WITH_PROFILE,
                    "findByUsername", List.of(STRING), username);
            if (found.value() == null) {
                throw new AssertionFailedError(shown + " returned an empty Optional, but the user exists (id "
                        + expected.get(0) + ").\n" + SqlBudget.listing(found.statements()));
            }
            if (!found.value().equals(expected)) {
                throw new AssertionFailedError(shown + " returned the wrong user.\nExpected (id, firstName, "
                        + "profile.bio): " + expected + "\nYours:    " + found.value());
            }
            Statements.within(found, 1, shown + " followed by user.getProfile().getBio()",
                    "Fetch the profile with the user: .profile.fetch() on the query bean.");
            StudentRepository.Outcome<Boolean> missing = repo.call("findByUsername(\"no.such.user\")",
                    Reading.PRESENT, "findByUsername", List.of(STRING), "no.such.user");
            if (missing.value()) {
                throw new AssertionFailedError("findByUsername(\"no.such.user\") found a user; for a username "
                        + "nobody has it must return Optional.empty() (findOneOrEmpty()).");
            }
        }
    }

    @Check(id = "04-published-with-tag", points = 2, hiddenOn = "hidden",
            hint = "Start a query bean on posts with the Database you were given: filter on the status and on the "
                    + "tag's name, fetch the author in the same query, and order newest first with a tie-breaker.")
    @DisplayName("04 publishedWithTag: published posts with a tag, newest first, authors fetched in the same query")
    void e04_publishedWithTag(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository opened = StudentRepository.open(jvm, code, db)) {
            QueryBeans.require(code, "QPost");
            String tag = Inputs.tag(db);
            Ties.taggedPosts(db, tag);
            List<List<Object>> expected = Reference.rows(db, "SELECT p.id, p.title, u.username FROM posts p JOIN "
                    + "users u ON u.id = p.user_id JOIN post_tags pt ON pt.post_id = p.id JOIN tags t ON t.id = "
                    + "pt.tag_id WHERE t.name = ? AND p.status = 'published' ORDER BY p.published_at DESC, p.id DESC",
                    tag);
            String shown = "publishedWithTag(\"" + tag + "\")";
            StudentRepository.Outcome<ArrayList<Object>> run = opened.create(files).call(shown,
                    Reading.POSTS_WITH_AUTHOR, "publishedWithTag", List.of(STRING), tag);
            RowComparison.inOrder(shown, List.of("id", "title", "author.username"), expected, run.value());
            Statements.within(run, 1, shown + ", reading each post's author",
                    "Fetch the author in the same query: .author.fetch() on the query bean.");
        }
    }

    @Check(id = "05-no-n-plus-one", points = 3, hiddenOn = "hidden",
            hint = "Say what you will read in the query: .tags.fetch(), .comments.fetch() and .comments.author.fetch()"
                    + ". Never run a query per post in a loop.")
    @DisplayName("05 postsWithDiscussion: posts with tags, comments and their authors in at most 3 statements (no N+1)")
    void e05_noNPlusOne(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository opened = StudentRepository.open(jvm, code, db)) {
            String username = Inputs.username(db);
            Ties.discussion(db, username);
            List<List<Object>> expected = Reference.rows(db, "SELECT p.id, coalesce((SELECT string_agg(t.name, ', "
                    + "' ORDER BY t.name) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), "
                    + "''), coalesce((SELECT string_agg(cu.username || ': ' || c.body, ' | ' ORDER BY c.created_at, "
                    + "c.id) FROM comments c JOIN users cu ON cu.id = c.user_id WHERE c.post_id = p.id), '') FROM "
                    + "posts p JOIN users u ON u.id = p.user_id WHERE u.username = ? ORDER BY p.created_at DESC, "
                    + "p.id DESC", username);
            String shown = "postsWithDiscussion(\"" + username + "\")";
            StudentRepository.Outcome<ArrayList<Object>> run = opened.create(files).call(shown, Reading.DISCUSSION,
                    "postsWithDiscussion", List.of(STRING), username);
            RowComparison.inOrder(shown, List.of("id", "tags (by name)", "comments (author: body, oldest first)"),
                    expected, run.value());
            String advice = "Build one query with a fetch plan (.tags.fetch(), .comments.fetch(), "
                    + ".comments.author.fetch()) instead of querying per post. Ebean then needs 1 or 2 statements, "
                    + "however many posts there are.";
            String reading = shown + ", reading the tags, comments and comment authors of " + expected.size()
                    + " posts";
            Statements.within(run, 3, reading, advice);
            Statements.noLazyLoading(run, reading, advice);
        }
    }

    @Check(id = "06-paging", points = 2, hiddenOn = "hidden",
            hint = "The page is a slice of the same ordered query: the first row depends on the page index and the "
                    + "size. Ebean has a query result that carries the total count as well.")
    @DisplayName("06 publishedPage: pages of published posts with their total count, in 2 statements a page")
    void e06_paging(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository opened = StudentRepository.open(jvm, code, db)) {
            StudentRepository repo = opened.create(files);
            int size = Inputs.pageSize(db);
            Ties.pages(db, size);
            List<List<Object>> all = Reference.rows(db, "SELECT p.id, u.username FROM posts p JOIN users u ON u.id = "
                    + "p.user_id WHERE p.status = 'published' ORDER BY p.published_at DESC, p.id DESC");
            for (int page : new int[] {0, 2, (all.size() - 1) / size}) {
                String shown = "publishedPage(" + page + ", " + size + ")";
                StudentRepository.Outcome<ArrayList<Object>> run = repo.call(shown, Reading.PAGE, "publishedPage",
                        List.of("int", "int"), page, size);
                List<Object> rows = new ArrayList<>(run.value());
                Object total = rows.remove(rows.size() - 1);
                RowComparison.inOrder(shown, List.of("id", "author.username"), all.subList(page * size,
                        Math.min(all.size(), (page + 1) * size)), rows);
                if (((Number) total).intValue() != all.size()) {
                    throw new AssertionFailedError(shown + ".getTotalCount() is " + total + "; there are "
                            + all.size() + " published posts. Count the same rows the pages come from (same where "
                            + "clause).");
                }
                Statements.within(run, 2, shown + " with getList(), each post's author and getTotalCount()",
                        "One query for the page (with .author.fetch()) and one count query: findPagedList() does "
                                + "exactly that.");
            }
        }
    }

    @Check(id = "07-transaction", points = 3,
            hint = "Everything the method saves must be one unit: if the last insert fails, the first ones must not "
                    + "stay. Section 7 shows Ebean's transactions (and what try-with-resources does for them).")
    @DisplayName("07 createDraft: the post, its new tags and its links are saved all together or not at all")
    void e07_transaction(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository opened = StudentRepository.open(jvm, code, db)) {
            StudentRepository repo = opened.create(files);
            List<String> types = List.of(STRING, STRING, STRING, "java.util.List");
            String shownOk = "createDraft(\"priya_n\", \"Grader: a first draft\", …, [\"postgresql\", "
                    + "\"grader-new\"])";
            StudentRepository.Outcome<Serializable> ok = repo.call(shownOk, Reading.ID, "createDraft", types,
                    "priya_n", "Grader: a first draft", "Body.", List.of("postgresql", "grader-new"));
            List<List<Object>> saved = Reference.rows(db, "SELECT p.id, u.username, p.status, coalesce((SELECT "
                    + "string_agg(t.name, ', ' ORDER BY t.name) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id "
                    + "WHERE pt.post_id = p.id), '') FROM posts p JOIN users u ON u.id = p.user_id WHERE p.title = ?",
                    "Grader: a first draft");
            if (saved.size() != 1 || !saved.get(0).subList(1, 4).equals(List.of("priya_n", "draft",
                    "grader-new, postgresql"))) {
                throw new AssertionFailedError(shownOk + " should save one post by priya_n, status 'draft', tagged "
                        + "grader-new and postgresql. The table posts holds " + (saved.isEmpty() ? "no such post"
                        : saved.stream().map(r -> r.subList(1, 4).toString()).toList()) + ".\n"
                        + SqlBudget.listing(ok.statements()));
            }
            if (!Objects.equals(ok.value(), saved.get(0).get(0))) {
                throw new AssertionFailedError(shownOk + " should return the saved post (id " + saved.get(0).get(0)
                        + "); it returned one with id " + ok.value() + ".");
            }
            Object tagRows = Reference.value(db, "SELECT count(*) FROM tags WHERE name IN ('postgresql', "
                    + "'grader-new')");
            if (((Number) tagRows).intValue() != 2) {
                throw new AssertionFailedError("After " + shownOk + " the table tags has " + tagRows + " rows named "
                        + "postgresql or grader-new; it should have one each: reuse a tag that exists (look it up "
                        + "by name), create only the missing ones.");
            }
            RefusedTag.install(db);
            String title = "Grader: a draft that must vanish";
            String shownFail = "createDraft(\"priya_n\", \"" + title + "\", …, [\"grader-brand-new\", \""
                    + RefusedTag.NAME + "\"])";
            StudentRepository.Outcome<Serializable> failed = repo.attempt(shownFail, Reading.NOTHING, "createDraft",
                    types, "priya_n", title, "Body.", List.of("grader-brand-new", RefusedTag.NAME));
            long posts = ((Number) Reference.value(db, "SELECT count(*) FROM posts WHERE title = ?", title))
                    .longValue();
            long tags = ((Number) Reference.value(db, "SELECT count(*) FROM tags WHERE name IN "
                    + "('grader-brand-new', ?)", RefusedTag.NAME)).longValue();
            Problems left = new Problems().addIf(posts > 0, "the post \"" + title + "\"")
                    .addIf(tags > 0, tags + " of the new tags stayed in the database");
            left.failIfAny("The grader made the database refuse the link to the tag " + RefusedTag.NAME + ", so "
                    + shownFail + " fails part-way. Everything it saved before the failure must be undone, but "
                    + "this stayed: the saves ran in separate transactions (each db.save committed on its own).\n"
                    + Statements.withTransactions(failed.entries()) + "\nLeft behind:");
            if (failed.thrown() == null) {
                throw new AssertionFailedError(shownFail + " rolled back, but returned normally. Let the exception "
                        + "out (or throw your own): the caller must know that the post was not saved.");
            }
        }
    }

    @Check(id = "08-generated-migration", points = 3,
            hint = "Add the entity Bookmark, run blog.GenerateMigration (README section 8) and keep both files it "
                    + "writes: src/main/resources/dbmigration/V5__add_bookmarks.sql and model/V5__add_bookmarks"
                    + ".model.xml.")
    @DisplayName("08 the migration generated from the new Bookmark entity applies with Flyway, and bookmark() uses it")
    void e08_generatedMigration(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        GeneratedMigration migration = GeneratedMigration.handedIn(files);
        migration.matchesTheGenerator(jvm, code, files);
        migration.applyWithFlyway(jvm, db);
        CatalogInspector catalog = new CatalogInspector(db);
        if (!catalog.hasTable("bookmarks")) {
            throw new AssertionFailedError("Flyway applied " + migration.name() + ", but there is no table "
                    + "bookmarks afterwards. Bookmark must be mapped with @Table(name = \"bookmarks\").");
        }
        Problems missing = new Problems();
        for (String column : List.of("id", "user_id", "post_id", "created_at")) {
            missing.addIf(catalog.column("bookmarks", column).isEmpty(), column);
        }
        missing.failIfAny("The table bookmarks lacks these columns. Bookmark has an id, a user (@ManyToOne, column "
                + "user_id), a post (@ManyToOne, column post_id) and a @WhenCreated createdAt:");
        try (StudentRepository repo = StudentRepository.open(jvm, code, db)) {
            StudentRepository.Outcome<Serializable> run = repo.create(files).call("bookmark(\"jweber\", 3)",
                    Reading.ID, "bookmark", List.of(STRING, "int"), "jweber", 3);
            List<List<Object>> rows = Reference.rows(db, "SELECT u.username, b.post_id::bigint FROM bookmarks b "
                    + "JOIN users u ON u.id = b.user_id");
            if (!rows.equals(List.of(List.of("jweber", 3L))) || run.value() == null) {
                throw new AssertionFailedError("bookmark(\"jweber\", 3) should save one row in bookmarks for the "
                        + "user jweber and the post 3, and return it. The table holds " + rows + ".\n"
                        + SqlBudget.listing(run.statements()));
            }
        }
    }
}
