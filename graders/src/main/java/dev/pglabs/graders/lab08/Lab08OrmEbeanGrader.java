package dev.pglabs.graders.lab08;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.graders.lab08.sandboxed.Beans;
import dev.pglabs.graders.lab08.sandboxed.Failure;
import dev.pglabs.graders.lab08.sandboxed.Migrate;
import dev.pglabs.graders.lab08.sandboxed.ReadMapping.Table;
import dev.pglabs.graders.lab08.sandboxed.Reading;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.orm.SqlBudget;
import dev.pglabs.orm.StatementLog;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Grades lab 08 (Ebean) against the blog after lab 07's migrations. The submission is compiled as the student's
 * Maven build does it (query beans generated, entities enhanced) in the grader, which only reads class files. All of
 * the student's code runs in the worker ({@link StudentJvm}, the {@code sandboxed} package): every check starts Ebean
 * there on the check's own database as the student's role and calls {@code blog.BlogRepository}, recording each SQL
 * statement it sends; the entities are read there too (getters, lazy loading) and come back as plain rows.
 *
 * <p>The mapping checks read every user, post and comment through the student's entities and compare them with
 * plain SQL. The query checks compare results and hold each operation to a budget of SQL statements, so a loop of
 * queries (or of lazy loads) fails with the statements shown. The transaction check makes the database refuse the
 * last insert of an operation and looks for anything left behind. The migration check applies the generated
 * migration with Flyway (in the worker) on top of the existing schema.
 */
@Grader(lab = "08-orm-ebean", ebean = true)
@DisplayName("Lab 08 · An ORM: Ebean")
class Lab08OrmEbeanGrader {

    static final String MIGRATIONS = "src/main/resources/dbmigration";
    private static final Duration MIGRATE_LIMIT = Duration.ofSeconds(30);
    private static final String STRING = "java.lang.String";
    private static final int SHOWN_DIFFERENCES = 6;

    // ---- 1 and 2: the mapping -------------------------------------------------------------------------------

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
            compareRows("user", List.of("id", "username", "email", "firstName", "lastName", "city", "profile.bio",
                    "profile.website", "profile.birthDate"), expected, actual);
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
            List<List<Object>> actualPosts = blog.read(Table.POSTS, files,
                    "reading every post with its author, tags and comments");
            compareRows("post", List.of("id", "title", "status", "views", "publishedAt", "author.username",
                    "tags (by name)", "comments (how many)"), expectedPosts, actualPosts);
            List<List<Object>> expectedComments = Reference.rows(db, "SELECT c.id, c.post_id::bigint, u.username, "
                    + "c.body FROM comments c JOIN users u ON u.id = c.user_id ORDER BY c.id");
            List<List<Object>> actualComments = blog.read(Table.COMMENTS, files,
                    "reading every comment with its post and author");
            compareRows("comment", List.of("id", "post.id", "author.username", "body"), expectedComments,
                    actualComments);
        }
    }

    // ---- 3 to 5: queries, fetch plans, paging -----------------------------------------------------------------

    @Check(id = "03-find-by-username", points = 2,
            hint = "A query bean for users can filter by username and fetch the profile in the same statement; the "
                    + "method returns an Optional.")
    @DisplayName("03 findByUsername: a query bean finds the user and its profile in one statement")
    void e03_findByUsername(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository repo = StudentRepository.open(jvm, code, db)) {
            requireQueryBeans(code, "QUser");
            findByUsername(repo.create(files), db);
        }
    }

    private static void findByUsername(StudentRepository repo, CheckDatabase db) {
        String username = "ana.ferreira";
        List<Object> expected = Reference.rows(db, "SELECT u.id, u.first_name, p.bio FROM users u LEFT JOIN profiles p "
                + "ON p.user_id = u.id WHERE u.username = ?", username).get(0);
        StudentRepository.Outcome<ArrayList<Object>> found = repo.call("findByUsername(\"" + username + "\")",
                Reading.USER_WITH_PROFILE, "findByUsername", List.of(STRING), username);
        if (found.value() == null) {
            throw new AssertionFailedError("findByUsername(\"" + username + "\") returned an empty Optional, but "
                    + "the user exists (id " + expected.get(0) + ").\n" + SqlBudget.listing(found.statements()));
        }
        if (!found.value().equals(expected)) {
            throw new AssertionFailedError("findByUsername(\"" + username + "\") returned the wrong user.\nExpected "
                    + "(id, firstName, profile.bio): " + expected + "\nYours:    " + found.value());
        }
        SqlBudget.assertWithin(found.statements(), 1, "findByUsername(\"" + username + "\") followed by "
                + "user.getProfile().getBio()", "Fetch the profile with the user: .profile.fetch() on the query bean.");
        StudentRepository.Outcome<Boolean> missing = repo.call("findByUsername(\"no.such.user\")", Reading.PRESENT,
                "findByUsername", List.of(STRING), "no.such.user");
        if (missing.value()) {
            throw new AssertionFailedError("findByUsername(\"no.such.user\") found a user; for a username nobody "
                    + "has it must return Optional.empty() (findOneOrEmpty()).");
        }
    }

    @Check(id = "04-published-with-tag", points = 2, hiddenOn = "hidden",
            hint = "Start a query bean on posts with the Database you were given: filter on the status and on the "
                    + "tag's name, fetch the author in the same query, and order newest first with a tie-breaker.")
    @DisplayName("04 publishedWithTag: published posts with a tag, newest first, authors fetched in the same query")
    void e04_publishedWithTag(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository repo = StudentRepository.open(jvm, code, db)) {
            requireQueryBeans(code, "QPost");
            publishedWithTag(repo.create(files), db);
        }
    }

    private static void publishedWithTag(StudentRepository repo, CheckDatabase db) {
        String tag = "postgresql";
        List<List<Object>> expected = Reference.rows(db, "SELECT p.id, p.title, u.username FROM posts p JOIN users u "
                + "ON u.id = p.user_id JOIN post_tags pt ON pt.post_id = p.id JOIN tags t ON t.id = pt.tag_id "
                + "WHERE t.name = ? AND p.status = 'published' ORDER BY p.published_at DESC, p.id DESC", tag);
        String shown = "publishedWithTag(\"" + tag + "\")";
        StudentRepository.Outcome<ArrayList<Object>> run = repo.call(shown, Reading.POSTS_WITH_AUTHOR,
                "publishedWithTag", List.of(STRING), tag);
        compareOrdered(shown, List.of("id", "title", "author.username"), expected, run.value());
        SqlBudget.assertWithin(run.statements(), 1, shown + ", reading each post's author",
                "Fetch the author in the same query: .author.fetch() on the query bean.");
    }

    @Check(id = "05-no-n-plus-one", points = 3, hiddenOn = "hidden",
            hint = "Say what you will read in the query: .tags.fetch(), .comments.fetch() and .comments.author.fetch()"
                    + ". Never run a query per post in a loop.")
    @DisplayName("05 postsWithDiscussion: posts with tags, comments and their authors in at most 3 statements (no N+1)")
    void e05_noNPlusOne(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository repo = StudentRepository.open(jvm, code, db)) {
            postsWithDiscussion(repo.create(files), db);
        }
    }

    private static void postsWithDiscussion(StudentRepository repo, CheckDatabase db) {
        String username = (String) Reference.value(db, "SELECT u.username FROM users u JOIN posts p ON p.user_id = "
                + "u.id GROUP BY u.id, u.username ORDER BY count(*) DESC, u.id LIMIT 1");
        List<List<Object>> expected = Reference.rows(db, "SELECT p.id, coalesce((SELECT string_agg(t.name, ', ' ORDER "
                + "BY t.name) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), ''), "
                + "coalesce((SELECT string_agg(cu.username || ': ' || c.body, ' | ' ORDER BY c.created_at, c.id) "
                + "FROM comments c JOIN users cu ON cu.id = c.user_id WHERE c.post_id = p.id), '') FROM posts p "
                + "JOIN users u ON u.id = p.user_id WHERE u.username = ? ORDER BY p.created_at DESC, p.id DESC",
                username);
        String shown = "postsWithDiscussion(\"" + username + "\")";
        StudentRepository.Outcome<ArrayList<Object>> run = repo.call(shown, Reading.DISCUSSION, "postsWithDiscussion",
                List.of(STRING), username);
        compareOrdered(shown, List.of("id", "tags (by name)", "comments (author: body, oldest first)"), expected,
                run.value());
        SqlBudget.assertWithin(run.statements(), 3, shown + ", reading the tags, comments and comment authors of "
                + expected.size() + " posts", "Build one query with a fetch plan (.tags.fetch(), .comments.fetch(), "
                + ".comments.author.fetch()) instead of querying per post. Ebean then needs 1 or 2 statements, "
                + "however many posts there are.");
    }

    @Check(id = "06-paging", points = 2, hiddenOn = "hidden",
            hint = "The page is a slice of the same ordered query: the first row depends on the page index and the "
                    + "size. Ebean has a query result that carries the total count as well.")
    @DisplayName("06 publishedPage: pages of published posts with their total count, in 2 statements a page")
    void e06_paging(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository repo = StudentRepository.open(jvm, code, db)) {
            publishedPages(repo.create(files), db);
        }
    }

    private static void publishedPages(StudentRepository repo, CheckDatabase db) {
        List<List<Object>> all = Reference.rows(db, "SELECT p.id, u.username FROM posts p JOIN users u ON u.id = "
                + "p.user_id WHERE p.status = 'published' ORDER BY p.published_at DESC, p.id DESC");
        int size = 7;
        int last = (all.size() - 1) / size;
        for (int page : new int[] {0, 2, last}) {
            String shown = "publishedPage(" + page + ", " + size + ")";
            StudentRepository.Outcome<ArrayList<Object>> run = repo.call(shown, Reading.PAGE, "publishedPage",
                    List.of("int", "int"), page, size);
            List<Object> rows = new ArrayList<>(run.value());
            Object total = rows.remove(rows.size() - 1);
            @SuppressWarnings("unchecked")
            List<List<Object>> actual = (List<List<Object>>) (List<?>) rows;
            compareOrdered(shown, List.of("id", "author.username"), all.subList(page * size,
                    Math.min(all.size(), (page + 1) * size)), actual);
            if (((Number) total).intValue() != all.size()) {
                throw new AssertionFailedError(shown + ".getTotalCount() is " + total + "; there are " + all.size()
                        + " published posts. Count the same rows the pages come from (same where clause).");
            }
            SqlBudget.assertWithin(run.statements(), 2, shown + " with getList(), each post's author and "
                    + "getTotalCount()", "One query for the page (with .author.fetch()) and one count query: "
                    + "findPagedList() does exactly that.");
        }
    }

    // ---- 6: transactions ---------------------------------------------------------------------------------------

    @Check(id = "07-transaction", points = 3,
            hint = "Everything the method saves must be one unit: if the last insert fails, the first ones must not "
                    + "stay. Section 7 shows Ebean's transactions (and what try-with-resources does for them).")
    @DisplayName("07 createDraft: the post, its new tags and its links are saved all together or not at all")
    void e07_transaction(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        try (StudentRepository repo = StudentRepository.open(jvm, code, db)) {
            createDraft(repo.create(files), db);
        }
    }

    private static void createDraft(StudentRepository repo, CheckDatabase db) {
        List<String> types = List.of(STRING, STRING, STRING, "java.util.List");
        String shownOk = "createDraft(\"priya_n\", \"Grader: a first draft\", …, [\"postgresql\", \"grader-new\"])";
        StudentRepository.Outcome<Serializable> ok = repo.call(shownOk, Reading.ID, "createDraft", types, "priya_n",
                "Grader: a first draft", "Body.", List.of("postgresql", "grader-new"));
        List<List<Object>> saved = Reference.rows(db, "SELECT p.id, u.username, p.status, coalesce((SELECT "
                + "string_agg(t.name, ', ' ORDER BY t.name) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE "
                + "pt.post_id = p.id), '') FROM posts p JOIN users u ON u.id = p.user_id WHERE p.title = ?",
                "Grader: a first draft");
        List<Object> want = List.of("priya_n", "draft", "grader-new, postgresql");
        if (saved.size() != 1 || !saved.get(0).subList(1, 4).equals(want)) {
            throw new AssertionFailedError(shownOk + " should save one post by priya_n, status 'draft', tagged "
                    + "grader-new and postgresql. The table posts holds " + (saved.isEmpty() ? "no such post"
                    : saved.stream().map(r -> r.subList(1, 4).toString()).toList()) + ".\n"
                    + SqlBudget.listing(ok.statements()));
        }
        if (!Objects.equals(ok.value(), saved.get(0).get(0))) {
            throw new AssertionFailedError(shownOk + " should return the saved post (id " + saved.get(0).get(0)
                    + "); it returned one with id " + ok.value() + ".");
        }
        Object tagRows = Reference.value(db, "SELECT count(*) FROM tags WHERE name IN ('postgresql', 'grader-new')");
        if (((Number) tagRows).intValue() != 2) {
            throw new AssertionFailedError("After " + shownOk + " the table tags has " + tagRows + " rows named "
                    + "postgresql or grader-new; it should have one each: reuse a tag that exists (look it up by "
                    + "name), create only the missing ones.");
        }

        // The database now refuses to link one tag: the last inserts fail after the first ones succeeded.
        Reference.execute(db, """
                CREATE FUNCTION grader_refuse_tag() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT name FROM tags WHERE id = NEW.tag_id) = 'grader-refused' THEN
                        RAISE EXCEPTION 'the grader refuses to link the tag grader-refused';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER grader_refuse_tag BEFORE INSERT ON post_tags
                    FOR EACH ROW EXECUTE FUNCTION grader_refuse_tag();
                """);
        String title = "Grader: a draft that must vanish";
        String shownFail = "createDraft(\"priya_n\", \"" + title + "\", …, [\"grader-brand-new\", \"grader-refused\"])";
        StudentRepository.Outcome<Serializable> failed = repo.attempt(shownFail, Reading.NOTHING, "createDraft", types,
                "priya_n", title, "Body.", List.of("grader-brand-new", "grader-refused"));
        long posts = ((Number) Reference.value(db, "SELECT count(*) FROM posts WHERE title = ?", title)).longValue();
        long tags = ((Number) Reference.value(db, "SELECT count(*) FROM tags WHERE name IN ('grader-brand-new', "
                + "'grader-refused')")).longValue();
        List<String> left = new ArrayList<>();
        if (posts > 0) {
            left.add("the post \"" + title + "\"");
        }
        if (tags > 0) {
            left.add(tags + " of the new tags");
        }
        if (!left.isEmpty()) {
            throw new AssertionFailedError("The grader made the database refuse the link to the tag grader-refused, "
                    + "so " + shownFail + " fails part-way. Everything it saved before the failure must be undone, "
                    + "but " + String.join(" and ", left) + " stayed in the database: the saves ran in separate "
                    + "transactions (each db.save committed on its own).\n" + listingWithTransactions(failed.entries()));
        }
        if (failed.thrown() == null) {
            throw new AssertionFailedError(shownFail + " rolled back, but returned normally. Let the exception out "
                    + "(or throw your own): the caller must know that the post was not saved.");
        }
    }

    // ---- 7: a migration generated from an entity change ---------------------------------------------------------

    @Check(id = "08-generated-migration", points = 3,
            hint = "Add the entity Bookmark, run blog.GenerateMigration (README section 8) and keep both files it "
                    + "writes: src/main/resources/dbmigration/V5__add_bookmarks.sql and model/V5__add_bookmarks"
                    + ".model.xml.")
    @DisplayName("08 the migration generated from the new Bookmark entity applies with Flyway, and bookmark() uses it")
    void e08_generatedMigration(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        Path dir = files.dir().resolve(MIGRATIONS);
        List<String> sql = listing(dir, ".sql");
        List<String> v5 = sql.stream().filter(n -> n.startsWith("V5__")).toList();
        if (v5.isEmpty()) {
            throw new AssertionFailedError(files.dir().getFileName() + "/" + MIGRATIONS + " has no V5__*.sql"
                    + (sql.isEmpty() ? " (no migration at all)" : " (it has " + sql + ")") + ". Generate the "
                    + "migration for the Bookmark entity with blog.GenerateMigration, version 5.");
        }
        List<String> models = listing(dir.resolve("model"), ".model.xml");
        if (models.stream().noneMatch(n -> n.startsWith("V5__"))) {
            throw new AssertionFailedError("There is " + v5.get(0) + " but no model/V5__….model.xml next to it. Ebean's "
                    + "generator writes both; the model is how it knows, next time, what the database already has. "
                    + "Generate the migration instead of writing it by hand, and keep both files.");
        }
        // Flyway runs in the worker, over a read-only copy of the student's .sql files, as the student's role.
        Path copy = copyMigrations(files, sql);
        Failure refused;
        try {
            refused = jvm.call(new Migrate(jvm.share(copy), jvm.database(db.studentTarget())), MIGRATE_LIMIT,
                    "Flyway migrating with " + sql);
        } finally {
            deleteTree(copy);
        }
        if (refused != null) {
            throw new AssertionFailedError("The grader baselined the blog database at version 4 (lab 07's "
                    + "schema) and ran Flyway with " + sql + ". It failed:\n" + refused.described());
        }
        CatalogInspector catalog = new CatalogInspector(db);
        if (!catalog.hasTable("bookmarks")) {
            throw new AssertionFailedError("Flyway applied " + v5 + ", but there is no table bookmarks afterwards. "
                    + "Bookmark must be mapped with @Table(name = \"bookmarks\").");
        }
        List<String> missing = Stream.of("id", "user_id", "post_id", "created_at")
                .filter(c -> catalog.column("bookmarks", c).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("The table bookmarks lacks the columns " + missing + ". Bookmark has an "
                    + "id, a user (@ManyToOne, column user_id), a post (@ManyToOne, column post_id) and a "
                    + "@WhenCreated createdAt.");
        }
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

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * The lesson is the type-safe query builder: the repository's compiled code must call the generated query bean
     * (read from its class files, so a comment or a string that names it does not count).
     */
    private static void requireQueryBeans(CompiledSubmission code, String bean) {
        boolean uses = code.references(StudentRepository.CLASS).stream()
                .anyMatch(r -> r.owner().endsWith("/" + bean) || r.owner().equals(bean));
        if (!uses) {
            throw new AssertionFailedError("BlogRepository does not use the query bean " + bean + ". Write the query "
                    + "with it (new " + bean + "(db)…): the compiler then checks every property name and type, as "
                    + "Drizzle's query builder does in TypeScript. Strings such as where().eq(\"usernme\", …) fail "
                    + "only at run time.");
        }
    }

    /** Rows by id: the first differences, each with the column that differs. */
    private static void compareRows(String what, List<String> columns, List<List<Object>> expected,
                                    List<List<Object>> actual) {
        Map<Object, List<Object>> mine = new LinkedHashMap<>();
        actual.forEach(r -> mine.put(r.get(0), r.stream().map(Beans::nullable).toList()));
        expected = expected.stream().map(r -> r.stream().map(Beans::nullable).toList()).toList();
        List<String> differences = new ArrayList<>();
        int wrong = 0;
        for (List<Object> want : expected) {
            List<Object> got = mine.remove(want.get(0));
            String diff = got == null ? "missing" : difference(columns, want, got);
            if (diff != null) {
                wrong++;
                if (differences.size() < SHOWN_DIFFERENCES) {
                    differences.add(what + " " + want.get(0) + ": " + diff);
                }
            }
        }
        if (!mine.isEmpty()) {
            wrong += mine.size();
            differences.add("unexpected " + what + "s with ids " + mine.keySet());
        }
        if (wrong > 0) {
            throw new AssertionFailedError("The grader read every " + what + " through your entities and compared "
                    + "it with the table: " + wrong + " of " + expected.size() + " differ.\n- "
                    + String.join("\n- ", differences));
        }
    }

    private static String difference(List<String> columns, List<Object> want, List<Object> got) {
        for (int i = 0; i < columns.size(); i++) {
            if (!Objects.equals(want.get(i), got.get(i))) {
                return columns.get(i) + " should be " + show(want.get(i)) + " but your entity has " + show(got.get(i));
            }
        }
        return null;
    }

    private static void compareOrdered(String shown, List<String> columns, List<List<Object>> expected,
                                       List<?> actual) {
        if (expected.equals(actual)) {
            return;
        }
        StringBuilder sb = new StringBuilder(shown).append(" returned ").append(actual.size()).append(" rows; ")
                .append(expected.size()).append(" were expected. Columns: ").append(columns);
        if (actual.size() == expected.size() && new java.util.HashSet<>(actual).equals(new java.util.HashSet<>(expected))) {
            sb = new StringBuilder(shown).append(" returned the right rows in the wrong order. Columns: ").append(columns);
        }
        int n = Math.max(expected.size(), actual.size());
        int shownRows = 0;
        for (int i = 0; i < n && shownRows < SHOWN_DIFFERENCES; i++) {
            Object want = i < expected.size() ? expected.get(i) : "(nothing)";
            Object got = i < actual.size() ? actual.get(i) : "(nothing)";
            if (!Objects.equals(want, got)) {
                sb.append("\n  row ").append(i + 1).append(": expected ").append(want).append("\n         yours    ")
                        .append(got);
                shownRows++;
            }
        }
        throw new AssertionFailedError(sb.toString());
    }

    private static String show(Object value) {
        return value instanceof String s && !s.equals("(null)") ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String listingWithTransactions(List<StatementLog.Entry> entries) {
        StringBuilder sb = new StringBuilder("What it sent (COMMIT marks the end of a transaction):");
        int i = 0;
        for (StatementLog.Entry e : entries) {
            if (e.sql().startsWith("(autocommit")) {
                continue;
            }
            sb.append(String.format("%n  %2d. ", ++i)).append(e.shown());
            if (i >= 20) {
                sb.append("\n  …");
                break;
            }
        }
        return sb.toString();
    }

    private static List<String> listing(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The student's .sql migrations, read safely (LabFiles), in a folder of the grader's own. */
    private static Path copyMigrations(LabFiles files, List<String> names) {
        try {
            Path copy = Files.createTempDirectory("pglabs-08-migrations-");
            for (String name : names) {
                Files.writeString(copy.resolve(name), files.text(MIGRATIONS + "/" + name));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary folder is not worth failing a check over.
        }
    }
}
