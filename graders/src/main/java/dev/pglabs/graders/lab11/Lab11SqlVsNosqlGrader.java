package dev.pglabs.graders.lab11;

import dev.pglabs.graders.lab11.sandboxed.RecordedStore;
import dev.pglabs.worker.StudentJvm;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.PartialCredit;
import dev.pglabs.grading.PlanInspector;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
    void e01_darkTheme(SqlCheck sql) {
        sql.assertQuery("01-dark-theme.sql", reference("01-dark-theme"),
                CompareOptions.orderedBy("username").withColumnNames());
    }

    @Check(id = "01-dark-theme-gin",
            hint = "A GIN index on prefs (jsonb_ops) serves @>, ?, ?| and ?&. prefs->>'theme' = 'dark' and "
                    + "prefs->'theme' @> '\"dark\"' test an expression the index does not hold: write "
                    + "prefs @> '{\"theme\": \"dark\"}' on the column itself.")
    @DisplayName("01 asks in a way the GIN index on prefs can answer (containment on the column)")
    void e01_usesGin(LabFiles files, SqlCheck sql) throws SQLException {
        SqlAnswer answer = files.sql("01-dark-theme.sql");
        answer.singleStatement();
        try (Connection admin = sql.database().openAdmin()) {
            List<String> gin = indexes(admin, "gin", null);
            Plan plan = explainAllowingOnlyBitmaps(admin, answer);
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
        sql.database().student().execute(answer.text(), answer.origin());
        try (Connection admin = sql.database().openAdmin(); Statement st = admin.createStatement()) {
            List<String> problems = new ArrayList<>();
            String generated = null;
            String type = null;
            try (ResultSet rs = st.executeQuery("""
                    SELECT a.attgenerated::text, format_type(a.atttypid, a.atttypmod)
                    FROM pg_attribute a WHERE a.attrelid = 'public.user_preferences'::regclass
                      AND a.attname = 'theme' AND NOT a.attisdropped""")) {
                if (rs.next()) {
                    generated = rs.getString(1);
                    type = rs.getString(2);
                }
            }
            if (generated == null) {
                throw new AssertionFailedError("After " + answer.origin() + ", user_preferences has no column "
                        + "named theme.");
            }
            if (!"s".equals(generated)) {
                problems.add("theme is a plain column: PostgreSQL will not keep it in step with prefs. Declare it "
                        + "GENERATED ALWAYS AS (prefs->>'theme') STORED.");
            }
            if (!"text".equals(type)) {
                problems.add("theme has type " + type + "; the task asks for text.");
            }
            if (problems.isEmpty()) {
                st.execute("UPDATE user_preferences SET prefs = prefs || '{\"theme\": \"dark\"}' WHERE user_id = 1");
                st.execute("UPDATE user_preferences SET prefs = prefs - 'theme' WHERE user_id = 3");
                try (ResultSet rs = st.executeQuery("""
                        SELECT user_id, prefs->>'theme' AS expected, theme AS actual FROM user_preferences
                        WHERE theme IS DISTINCT FROM prefs->>'theme' ORDER BY user_id LIMIT 5""")) {
                    while (rs.next()) {
                        problems.add("user " + rs.getInt(1) + ": theme is " + quote(rs.getString(3))
                                + ", the document says " + quote(rs.getString(2)) + " (the grader had set or removed "
                                + "the key in prefs): the column must be prefs->>'theme', as text.");
                    }
                }
            }
            List<String> onTheme = indexes(admin, "btree", "theme");
            if (onTheme.isEmpty()) {
                problems.add("There is no B-tree index whose first column is theme: CREATE INDEX … ON "
                        + "user_preferences (theme).");
            } else {
                st.execute("ANALYZE user_preferences");
                Plan plan = PlanInspector.explain(admin, "SELECT user_id FROM user_preferences WHERE theme = 'dark'",
                        PlanInspector.ONLY_BITMAP_SCANS);
                if (plan.indexesUsed().stream().noneMatch(onTheme::contains)) {
                    problems.add("The index " + onTheme + " does not serve WHERE theme = 'dark'. Plan:\n"
                            + plan.render().indent(2).stripTrailing());
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionFailedError("The generated column is not as the task asks:\n- "
                        + String.join("\n- ", problems));
            }
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
                    + "(sort key); billingMode PAY_PER_REQUEST. Define only key attributes: value needs no definition.")
    @DisplayName("06 creates the table with partition key userId (number) and sort key name (string), on demand")
    void e06_tableKeys(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            CreateTableSeen seen;
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                store.createTable();
                seen = CreateTableSeen.of(store.seen());
            }
            TableDescription t = calls.grader().describeTable(r -> r.tableName(table)).table();
            Map<String, String> keys = t.keySchema().stream().collect(Collectors.toMap(
                    KeySchemaElement::attributeName, k -> k.keyTypeAsString(), (a, b) -> a, TreeMap::new));
            Map<String, String> types = t.attributeDefinitions().stream().collect(Collectors.toMap(
                    AttributeDefinition::attributeName, a -> a.attributeTypeAsString(), (a, b) -> a, TreeMap::new));
            List<String> problems = new ArrayList<>();
            Map<String, String> expectedKeys = new TreeMap<>(Map.of("userId", "HASH", "name", "RANGE"));
            if (!keys.equals(expectedKeys)) {
                problems.add("key schema " + keys + ", expected " + expectedKeys + ". The partition key (HASH) groups "
                        + "the items of one user; the sort key (RANGE) tells them apart and orders them.");
            }
            for (String key : keys.keySet()) {
                String expected = key.equals("userId") ? "N" : "S";
                if (expectedKeys.containsKey(key) && !expected.equals(types.get(key))) {
                    problems.add(key + " is of type " + types.get(key) + ", expected " + expected + ".");
                }
            }
            String billing = t.billingModeSummary() == null ? null : t.billingModeSummary().billingModeAsString();
            if (billing != null && !BillingMode.PAY_PER_REQUEST.toString().equals(billing)) {
                problems.add("billing mode " + billing + ", expected PAY_PER_REQUEST (on demand: no capacity to plan "
                        + "for a feature whose traffic follows the page views).");
            }
            if (seen.billingMode() != null && !seen.billingMode().equals(BillingMode.PAY_PER_REQUEST.toString())) {
                problems.add("createTable asked for billing mode " + seen.billingMode() + ", expected PAY_PER_REQUEST.");
            }
            if (seen.billingMode() == null && billing == null) {
                problems.add("createTable set no billing mode: ask for BillingMode.PAY_PER_REQUEST (otherwise it "
                        + "needs provisioned capacity).");
            }
            failIf(problems, "The table created by createTable()");
        });
    }

    @Check(id = "07-put-get", points = 2,
            hint = "put: putItem with userId (AttributeValue.fromN), name and value (fromS). get: getItem with the key "
                    + "(userId and name only), consistentRead(true); response.hasItem() is false when it is not there.")
    @DisplayName("07 puts a preference (replacing an old value) and gets it back by its key with GetItem")
    void e07_putGet(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            createTable(calls.grader(), table);
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
            List<String> problems = new ArrayList<>();
            store.put(7, "theme", "dark");
            Optional<String> stored = graderGet(calls.grader(), table, 7, "theme");
            if (!stored.equals(Optional.of("dark"))) {
                problems.add("After put(7, \"theme\", \"dark\") the item with key (userId 7, name \"theme\") holds "
                        + describe(stored) + ", expected value \"dark\" (attribute names userId, name, value).");
            }
            store.put(7, "theme", "light");
            Optional<String> replaced = graderGet(calls.grader(), table, 7, "theme");
            if (!replaced.equals(Optional.of("light"))) {
                problems.add("After a second put(7, \"theme\", \"light\") the item holds " + describe(replaced)
                        + ", expected \"light\": a put replaces the item with the same key.");
            }
            graderPut(calls.grader(), table, 8, "language", "pt");
            Optional<String> got = store.get(8, "language");
            if (!got.equals(Optional.of("pt"))) {
                problems.add("get(8, \"language\") returned " + describe(got) + ", expected Optional[pt].");
            }
            List<String> reads = store.operations();
            if (!reads.isEmpty() && !reads.equals(List.of("GetItem"))) {
                problems.add("get sent " + reads + ". With the whole key known, one GetItem reads exactly one item; "
                        + "a Query or Scan reads more and costs more.");
            }
            for (Object[] missing : new Object[][] {{8L, "theme"}, {9L, "language"}}) {
                Optional<String> none = store.get((Long) missing[0], (String) missing[1]);
                if (none.isPresent()) {
                    problems.add("get(" + missing[0] + ", \"" + missing[1] + "\") returned " + none
                            + " for a preference nobody set: expected Optional.empty().");
                }
            }
            failIf(problems, "put and get");
            }
        });
    }

    @Check(id = "08-conditional-write", points = 2,
            hint = "A condition expression makes DynamoDB refuse the write when the item does not meet it. Some "
                    + "attribute names are reserved words: use a placeholder for them.")
    @DisplayName("08 putIfAbsent writes only when the preference is not set, in one conditional write")
    void e08_conditionalWrite(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            createTable(calls.grader(), table);
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
            List<String> problems = new ArrayList<>();

            StudentStore.Outcome first = store.putIfAbsent(7, "theme", "dark");
            if (first.thrown() != null || !Boolean.TRUE.equals(first.wrote())) {
                problems.add("putIfAbsent(7, \"theme\", \"dark\") on an empty table " + outcome(first)
                        + ", expected true.");
            }
            StudentStore.Outcome second = store.putIfAbsent(7, "theme", "light");
            if (second.thrown() != null) {
                problems.add("putIfAbsent(7, \"theme\", \"light\") when the theme is set threw "
                        + second.thrown().simpleType() + ": catch ConditionalCheckFailedException "
                        + "and return false.");
            } else if (!Boolean.FALSE.equals(second.wrote())) {
                problems.add("putIfAbsent(7, \"theme\", \"light\") when the theme is set returned " + second.wrote()
                        + ", expected false.");
            }
            Optional<String> kept = graderGet(calls.grader(), table, 7, "theme");
            if (!kept.equals(Optional.of("dark"))) {
                problems.add("After the second putIfAbsent the theme is " + describe(kept) + ": the first value "
                        + "\"dark\" must stay.");
            }
            // Another request sets the language between the student's read (if any) and write.
            StudentStore.Outcome raced = store.putIfAbsentRacing(8, "language", "pt", table, "de");
            Optional<String> after = graderGet(calls.grader(), table, 8, "language");
            if (store.concurrentWriteHappened() && after.equals(Optional.of("pt"))) {
                problems.add("putIfAbsent(8, \"language\", \"pt\") read first, and another request set the language "
                        + "to \"de\" right after that read; your write then overwrote \"de\" (a lost update). "
                        + "Make the write itself conditional.");
            }
            if (store.seen().stream().anyMatch(p -> p.operation().equals("PutItem") && !p.conditional())) {
                problems.add("putIfAbsent sent a PutItem without a condition expression " + store.operations()
                        + ": nothing stops it from replacing a value set in the meantime.");
            }
            if (!store.concurrentWriteHappened() && raced.thrown() == null && !Boolean.TRUE.equals(raced.wrote())) {
                problems.add("putIfAbsent(8, \"language\", \"pt\") returned " + raced.wrote() + " on a free key, "
                        + "expected true.");
            }
            failIf(problems, "putIfAbsent");
            }
        });
    }

    @Check(id = "09-query-by-user", points = 2,
            hint = "A Query (not a Scan) reads the items of one partition key; its key condition uses placeholders "
                    + "for the name and the value.")
    @DisplayName("09 forUser reads all preferences of one user with a Query on the partition key, never a Scan")
    void e09_queryByUser(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            createTable(calls.grader(), table);
            Map<Long, Map<String, String>> data = new TreeMap<>();
            data.put(1L, Map.of("theme", "dark", "language", "pt"));
            data.put(2L, Map.of("theme", "light"));
            data.put(3L, Map.of("theme", "dark", "language", "de", "font_size", "16", "digest", "weekly"));
            data.put(30L, Map.of("language", "en"));
            seed(calls.grader(), table, data);
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                assertForUser(store, Map.of(3L, data.get(3L), 2L, data.get(2L), 4L, Map.of()));
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

    static void assertForUser(StudentStore store, Map<Long, Map<String, String>> cases) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Long, Map<String, String>> c : new TreeMap<>(cases).entrySet()) {
            Map<String, String> actual = store.forUser(c.getKey());
            Map<String, String> expected = new TreeMap<>(c.getValue());
            List<String> ops = store.operations();
            if (ops.contains("Scan")) {
                problems.add("forUser(" + c.getKey() + ") sent " + ops + ". A Scan reads every item of the table, all "
                        + "users, and filters afterwards: its cost grows with the whole table. Query on the partition "
                        + "key userId.");
            } else if (!ops.contains("Query")) {
                problems.add("forUser(" + c.getKey() + ") sent " + ops + " and no Query. All items of one partition "
                        + "come back from one Query on userId (the names are not known in advance).");
            } else if (store.seen().stream().anyMatch(q -> q.operation().equals("Query") && !q.keyCondition())) {
                problems.add("forUser(" + c.getKey() + ") sent a Query without a key condition on userId.");
            }
            if (!actual.equals(expected)) {
                problems.add("forUser(" + c.getKey() + ") returned " + abbreviate(actual) + ", expected "
                        + abbreviate(expected) + (actual.size() < expected.size() && expected.size() > 3
                        ? " (only the first page? a Query returns at most 1 MB per call)" : "") + ".");
            }
        }
        failIf(problems, "forUser");
    }

    static void createTable(DynamoDbClient client, String table) {
        client.createTable(r -> r.tableName(table)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("userId").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("name").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("userId").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("name").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        DynamoCalls.awaitActive(client, table);
    }

    static void seed(DynamoDbClient client, String table, Map<Long, Map<String, String>> data) {
        data.forEach((user, prefs) -> prefs.forEach((name, value) -> graderPut(client, table, user, name, value)));
    }

    private static void graderPut(DynamoDbClient client, String table, long user, String name, String value) {
        client.putItem(r -> r.tableName(table).item(Map.of("userId", AttributeValue.fromN(Long.toString(user)),
                "name", AttributeValue.fromS(name), "value", AttributeValue.fromS(value))));
    }

    private static Optional<String> graderGet(DynamoDbClient client, String table, long user, String name) {
        GetItemResponse r = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromN(Long.toString(user)), "name", AttributeValue.fromS(name))));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        AttributeValue value = r.item().get("value");
        return Optional.of(value == null ? "(no attribute 'value')" : value.s() == null ? value.toString() : value.s());
    }

    /** The billing mode the student's CreateTable request asked for (the emulator may not report it back). */
    record CreateTableSeen(String billingMode) {
        static CreateTableSeen of(List<RecordedStore.Seen> requests) {
            return requests.stream().filter(r -> r.operation().equals("CreateTable")).findFirst()
                    .map(r -> new CreateTableSeen(r.billingMode())).orElse(new CreateTableSeen(null));
        }
    }

    /** GIN (or B-tree) indexes on user_preferences; with {@code firstColumn}, only those that start with it. */
    private static List<String> indexes(Connection admin, String method, String firstColumn) throws SQLException {
        String sql = """
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_am am ON am.oid = c.relam
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = 'public.user_preferences'::regclass AND am.amname = ?
                  AND (?::text IS NULL OR a.attname = ?) ORDER BY 1""";
        try (var st = admin.prepareStatement(sql)) {
            st.setString(1, method);
            st.setString(2, firstColumn);
            st.setString(3, firstColumn);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private static Plan explainAllowingOnlyBitmaps(Connection admin, SqlAnswer answer) {
        String query = answer.text().strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        try {
            return PlanInspector.explain(admin, query, PlanInspector.ONLY_BITMAP_SCANS);
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL could not plan your query in " + answer.origin() + ": "
                    + e.getMessage());
        }
    }

    private static void failIf(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(what + " did not do what the lab asks:\n- " + String.join("\n- ", problems));
        }
    }

    private static String outcome(StudentStore.Outcome o) {
        return o.thrown() != null ? "threw " + o.thrown().simpleType() + ": " + o.thrown().message()
                : "returned " + o.wrote();
    }

    private static String describe(Optional<String> value) {
        return value.map(v -> "\"" + v + "\"").orElse("nothing (no such item)");
    }

    private static String quote(String s) {
        return s == null ? "NULL" : "'" + s + "'";
    }

    /** A map for feedback, with long values cut short. */
    private static String abbreviate(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue().length() > 20
                        ? e.getValue().substring(0, 8) + "…(" + e.getValue().length() + " chars)" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The reference answer of an exercise: {@code references/<name>.sql} beside this class. */
    private static ReferenceAnswer reference(String name) {
        return ReferenceAnswer.beside(Lab11SqlVsNosqlGrader.class, name);
    }
}
