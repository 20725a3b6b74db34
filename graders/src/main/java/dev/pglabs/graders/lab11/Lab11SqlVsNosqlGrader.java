package dev.pglabs.graders.lab11;

import dev.pglabs.graders.lab11.sandboxed.RecordedStore;
import dev.pglabs.worker.StudentJvm;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.PartialCredit;
import dev.pglabs.grading.PlanInspector.Plan;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.DynamoDbEmulator;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Grades lab 11 (SQL vs NoSQL):
 * <ul>
 * <li>exercises 1–5, JSONB in PostgreSQL: query results on the blog data (and hidden on a variant), the plan of the
 * containment query (it must be able to use the GIN index), a generated column checked in the catalog and by
 * behaviour, and an upsert that merges documents;</li>
 * <li>exercises 6–9, {@code app.prefs.PreferencesStore} on DynamoDB: the student's code runs against a real
 * DynamoDB-compatible server ({@link DynamoDbEmulator}); every request it sends is recorded ({@link DynamoCalls}), so
 * the checks see key design, conditional writes and Query-versus-Scan, not only results;</li>
 * <li>exercise 10, {@code decisions.json}: a choice and reasons per scenario ({@link Decisions}).</li>
 * </ul>
 * The hidden check lives in the lab's hiddenGrader class (course.json), which the student release leaves out.
 */
@Grader(lab = "11-sql-vs-nosql", services = DynamoDbEmulatorService.class)
@DisplayName("Lab 11 · SQL vs NoSQL")
class Lab11SqlVsNosqlGrader {

    private static final String HIDDEN = "hidden";
    /** Set by the course's own test runs (graders/pom.xml): there, a machine without Node.js skips, never passes. */
    static final String SKIP_MISSING_TOOLS = "pglabs.skip-missing-tools";

    /** The emulator starts in the background while the SQL checks run. */
    @BeforeAll
    static void startEmulator(GradingSession session) {
        session.startAhead(DynamoDbEmulatorService.class);
    }

    // ---- exercises 1–5: JSONB --------------------------------------------------------------------------

    @Check(id = "01-dark-theme", points = 2, hiddenOn = HIDDEN,
            hint = "The preferences are a JSONB document per user: which operator asks whether a document contains "
                    + "another one? Join to users for the names, and mind the order.")
    @DisplayName("01 lists the users whose preferences contain {\"theme\": \"dark\"}, by username")
    void e01a_darkTheme(SqlCheck sql) {
        sql.assertQuery("01-dark-theme.sql", reference("01-dark-theme"),
                CompareOptions.orderedBy("username").withColumnNames());
    }

    @Check(id = "01-dark-theme-gin",
            hint = "A GIN index on prefs (jsonb_ops) serves @>, ?, ?| and ?&. prefs->>'theme' = 'dark' and "
                    + "prefs->'theme' @> '\"dark\"' test an expression the index does not hold: write "
                    + "prefs @> '{\"theme\": \"dark\"}' on the column itself.")
    @DisplayName("01 asks in a way the GIN index on prefs can answer (containment on the column)")
    void e01b_usesGin(LabFiles files, SqlCheck sql) throws SQLException {
        SqlAnswer answer = files.sql("01-dark-theme.sql");
        answer.singleStatement();
        try (Connection admin = sql.database().openAdmin()) {
            List<String> gin = PreferenceIndexes.of(admin, "gin", null);
            Plan plan = PreferenceIndexes.planAllowingOnlyBitmaps(admin, answer);
            if (plan.indexesUsed().stream().noneMatch(gin::contains)) {
                throw new AssertionFailedError("Even with sequential and plain index scans switched off, PostgreSQL "
                        + "cannot use the GIN index " + gin + " for your query in " + answer.origin() + ". "
                        + "Its plan:\n" + plan.render().indent(2).stripTrailing()
                        + "\nOn a few dozen rows that costs nothing; on millions of users every request would read them all.");
            }
        }
    }

    @Check(id = "02-email-digest", points = 2, hiddenOn = HIDDEN,
            hint = "The setting is nested two levels deep. For the language, a user without one gets the default "
                    + "the task names; one JSONB operator gives text, the other JSON with quotes.")
    @DisplayName("02 lists the users with e-mail notifications on, with their language or 'en', by username")
    void e02_emailDigest(SqlCheck sql) {
        sql.assertQuery("02-email-digest.sql", reference("02-email-digest"),
                CompareOptions.orderedBy("username").withColumnNames());
    }

    @Check(id = "03-beta-features", points = 2, hiddenOn = HIDDEN,
            hint = "beta_features is an array: turn each element into a row of its own (a set-returning function, "
                    + "section 4), then count per feature. Users without the key give no rows, which is right.")
    @DisplayName("03 counts the users of each beta feature, most used first, ties by feature")
    void e03_betaFeatures(SqlCheck sql) {
        sql.assertQuery("03-beta-features.sql", reference("03-beta-features"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "04-theme-column", points = 2,
            hint = "A column that PostgreSQL computes from prefs by itself and stores: a generated column (section "
                    + "5). An index on it makes lookups by theme fast.")
    @DisplayName("04 adds a stored generated column theme that follows prefs, with a B-tree index on it")
    void e04_themeColumn(LabFiles files, SqlCheck sql) throws SQLException {
        SqlAnswer answer = files.sql("04-theme-column.sql");
        sql.database().student().execute(answer.statements(), answer.origin());
        try (Connection admin = sql.database().openAdmin()) {
            ThemeColumnReview.of(admin, answer.origin()).failIfAny("The generated column is not as the task asks:");
        }
    }

    @Check(id = "05-set-theme", points = 2, hiddenOn = HIDDEN,
            hint = "One statement for both cases: insert the user's preferences, or, when a row exists, merge the "
                    + "new key into the document instead of replacing it (section 6).")
    @DisplayName("05 sets theme dark for users 12 and 40 (a new row), keeping their other preferences")
    void e05_setTheme(SqlCheck sql) {
        sql.assertChanges("05-set-theme.sql", reference("05-set-theme"),
                """
                SELECT user_id, prefs, updated_at > now() - interval '1 hour' AS updated_now
                FROM user_preferences ORDER BY user_id""",
                "the user_preferences table (user_id, prefs, and whether updated_at was set now)");
    }

    // ---- exercises 6–9: PreferencesStore on DynamoDB ----------------------------------------------------

    @Check(id = "06-table-keys", points = 2,
            hint = "attributeDefinitions: userId N and name S; keySchema: userId HASH (partition key), name RANGE "
                    + "(sort key); billingMode PAY_PER_REQUEST. Define only key attributes: value needs no definition. "
                    + "A new table is not ready at once: wait until it exists (the client's waiter).")
    @DisplayName("06 creates the table with partition key userId (number) and sort key name (string), on demand")
    void e06_tableKeys(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            List<RecordedStore.Seen> sent;
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                store.createTable();
                sent = store.seen();
            }
            TableDescription t = calls.grader().describeTable(r -> r.tableName(table)).table();
            TableKeysReview.of(t, sent).failIfAny("The table created by createTable() is not what the lab asks:");
        });
    }

    @Check(id = "07-put-get", points = 2,
            hint = "put: putItem with userId (AttributeValue.fromN), name and value (fromS). get: getItem with the key "
                    + "(userId and name only), consistentRead(true); response.hasItem() is false when it is not there.")
    @DisplayName("07 puts a preference (replacing an old value) and gets it back by its key with GetItem")
    void e07_putGet(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            calls.createTable(table);
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                PutGetReview.of(calls, table, store).failIfAny("put and get did not do what the lab asks:");
            }
        });
    }

    @Check(id = "08-conditional-write", points = 2,
            hint = "A condition expression makes DynamoDB refuse the write when the item does not meet it. Some "
                    + "attribute names are reserved words: use a placeholder for them.")
    @DisplayName("08 putIfAbsent writes only when the preference is not set, in one conditional write")
    void e08_conditionalWrite(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            calls.createTable(table);
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                ConditionalWriteReview.of(calls, table, store).failIfAny("putIfAbsent did not do what the lab asks:");
            }
        });
    }

    @Check(id = "09-query-by-user", points = 2,
            hint = "A Query (not a Scan) reads the items of one partition key; its key condition uses placeholders "
                    + "for the name and the value.")
    @DisplayName("09 forUser reads all preferences of one user with a Query on the partition key, never a Scan")
    void e09_queryByUser(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            calls.createTable(table);
            Map<Long, Map<String, String>> data = new TreeMap<>();
            data.put(1L, Map.of("theme", "dark", "language", "pt"));
            data.put(2L, Map.of("theme", "light"));
            data.put(3L, Map.of("theme", "dark", "language", "de", "font_size", "16", "digest", "weekly"));
            data.put(30L, Map.of("language", "en"));
            calls.seed(table, data);
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                ForUserReview.assertForUser(store, Map.of(3L, data.get(3L), 2L, data.get(2L), 4L, Map.of()));
            }
        });
    }

    // ---- exercise 10: the decision ----------------------------------------------------------------------

    @Check(id = "10-decisions", points = 3,
            hint = "For each scenario ask: is every read by one key (or one key and a range)? Does it need joins, "
                    + "new questions every week, or several rows changed all-or-nothing? The key reason is the one "
                    + "that decides; reasons for the other store contradict your choice.")
    @DisplayName("10 picks PostgreSQL or DynamoDB for each scenario, for the reasons that decide it")
    void e10_decisions(LabFiles files) {
        Map<String, List<String>> problems = Decisions.problems(files.text(Decisions.FILE));
        if (problems.isEmpty()) {
            return;
        }
        int total = Decisions.SCENARIOS.size();
        int right = total - problems.size();
        StringBuilder feedback = new StringBuilder(right + " of " + total + " scenarios answered as expected.");
        problems.forEach((id, list) -> feedback.append("\n- ").append(id).append(": ")
                .append(String.join(" ", list)));
        throw new PartialCredit(3.0 * right / total, feedback.toString());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Runs {@code body} with fresh clients and a table name of its own; the table is dropped afterwards. */
    static void withDynamo(GradingSession session, java.util.function.BiConsumer<DynamoCalls, String> body) {
        DynamoDbEmulator emulator;
        try {
            emulator = session.service(DynamoDbEmulatorService.class).emulator();
        } catch (DynamoDbEmulator.Unavailable e) {
            Assumptions.assumeFalse(Boolean.getBoolean(SKIP_MISSING_TOOLS), () -> "skipped on this machine: "
                    + e.getMessage());
            throw new CheckFailure(CheckStatus.ERROR, "This check runs your code against a DynamoDB emulator, which "
                    + "cannot run here:\n" + e.getMessage());
        }
        String table = "prefs-" + UUID.randomUUID().toString().substring(0, 8);
        try (DynamoCalls calls = new DynamoCalls(emulator.endpoint())) {
            try {
                body.accept(calls, table);
            } finally {
                try {
                    calls.grader().deleteTable(r -> r.tableName(table));
                } catch (RuntimeException e) {
                    // Never created (the student's createTable failed): nothing to drop.
                }
            }
        }
    }

    /** The reference answer of an exercise: {@code references/<name>.sql} beside this class. */
    private static ReferenceAnswer reference(String name) {
        return ReferenceAnswer.beside(Lab11SqlVsNosqlGrader.class, name);
    }
}
