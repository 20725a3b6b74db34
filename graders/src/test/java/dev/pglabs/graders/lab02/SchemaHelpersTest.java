package dev.pglabs.graders.lab02;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.CatalogInspector.Column;
import dev.pglabs.grading.CatalogInspector.ForeignKey;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.grading.ConstraintProbe.SqlState;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two helpers lab 02 grades with, on a real server: {@link CatalogInspector} reads every way of writing the
 * same design alike, and {@link ConstraintProbe} reports accepted and rejected statements as the student's role.
 */
@Tag("provider")
@DisplayName("Lab 02 · catalog inspector and constraint probe")
class SchemaHelpersTest {

    private static final String DDL = """
            CREATE DOMAIN email_address AS varchar(120) NOT NULL CHECK (VALUE LIKE '%@%');
            CREATE TABLE people (
                id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                nickname  varchar(40) NOT NULL,
                email     email_address,
                code      char(3),
                joined    timestamptz NOT NULL DEFAULT now(),
                born      timestamp,
                CONSTRAINT people_nickname_key UNIQUE (nickname)
            );
            CREATE UNIQUE INDEX people_email_idx ON people (email);
            CREATE UNIQUE INDEX people_code_partial ON people (code) WHERE code IS NOT NULL;
            CREATE TABLE notes (
                id         bigserial,
                person_id  bigint NOT NULL,
                title      text NOT NULL,
                PRIMARY KEY (id),
                FOREIGN KEY (person_id) REFERENCES people ON DELETE CASCADE,
                CONSTRAINT one_title_per_person UNIQUE (title, person_id),
                CHECK (length(title) > 0)
            );
            ALTER TABLE notes ADD UNIQUE (title);
            CREATE TABLE tags (name text REFERENCES notes (title) ON UPDATE SET NULL);
            CREATE VIEW people_view AS SELECT id FROM people;
            CREATE TABLE "People" (x int);
            """;

    private static CheckDatabase db;

    @BeforeAll
    static void createTables() {
        var course = CourseGrading.course();
        db = CourseGrading.session().farm().create(course.dataset(course.lab("02"), "default"));
        db.student().execute(DDL, "test DDL");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    @DisplayName("columns: declared and base types, varchar length, domains, identity and serial, NOT NULL, defaults")
    void columns() {
        CatalogInspector catalog = new CatalogInspector(db);
        List<Column> people = catalog.columns("people");
        assertThat(people).extracting(Column::name)
                .containsExactly("id", "nickname", "email", "code", "joined", "born");

        Column id = catalog.column("people", "id").orElseThrow();
        assertThat(id.isIdentity()).isTrue();
        assertThat(id.identity()).isEqualTo("ALWAYS");
        assertThat(id.isGeneratedFromSequence()).isTrue();
        assertThat(id.isIntegerOrBigint()).isTrue();
        assertThat(id.describeType()).isEqualTo("integer, identity");

        Column nickname = catalog.column("people", "nickname").orElseThrow();
        assertThat(nickname.baseType()).isEqualTo("varchar");
        assertThat(nickname.maxLength()).isEqualTo(40);
        assertThat(nickname.isText()).isTrue();
        assertThat(nickname.notNull()).isTrue();

        Column email = catalog.column("people", "email").orElseThrow();
        assertThat(email.type()).as("schema-qualified: the inspector sees only pg_catalog")
                .isEqualTo("public.email_address");
        assertThat(email.baseType()).isEqualTo("varchar");
        assertThat(email.maxLength()).as("the domain's length").isEqualTo(120);
        assertThat(email.notNull()).as("NOT NULL of the domain").isTrue();
        assertThat(email.describeType()).isEqualTo("public.email_address (character varying(120))");

        Column code = catalog.column("people", "code").orElseThrow();
        assertThat(code.baseType()).isEqualTo("bpchar");
        assertThat(code.maxLength()).isEqualTo(3);
        assertThat(code.isText()).isFalse();
        assertThat(code.notNull()).isFalse();

        Column joined = catalog.column("people", "joined").orElseThrow();
        assertThat(joined.isTimestampWithTimeZone()).isTrue();
        assertThat(joined.defaultExpression()).isEqualTo("now()");
        assertThat(catalog.column("people", "born").orElseThrow().baseType()).isEqualTo("timestamp");

        Column serial = catalog.column("notes", "id").orElseThrow();
        assertThat(serial.isIdentity()).isFalse();
        assertThat(serial.isGeneratedFromSequence()).isTrue();
        assertThat(serial.baseType()).isEqualTo("int8");
        assertThat(serial.describeType()).isEqualTo("bigint, serial");

        assertThat(catalog.columns("no_such_table")).isEmpty();
        assertThat(catalog.column("people", "missing")).isEmpty();
    }

    @Test
    @DisplayName("keys: primary keys, UNIQUE constraints and plain unique indexes, but not partial ones")
    void keys() {
        CatalogInspector catalog = new CatalogInspector(db);
        assertThat(catalog.primaryKey("people").orElseThrow().columns()).containsExactly("id");
        assertThat(catalog.primaryKey("notes").orElseThrow().definition()).isEqualTo("PRIMARY KEY (id)");
        assertThat(catalog.primaryKey("tags")).isEmpty();

        assertThat(catalog.uniqueKeys("people")).extracting(CatalogInspector.Key::name)
                .containsExactly("people_nickname_key", "people_email_idx");
        assertThat(catalog.isUnique("people", "nickname")).isTrue();
        assertThat(catalog.isUnique("people", "email")).as("a unique index counts").isTrue();
        assertThat(catalog.isUnique("people", "code")).as("a partial unique index does not").isFalse();
        assertThat(catalog.isUnique("people", "id")).as("the primary key counts").isTrue();
        assertThat(catalog.isUnique("notes", "person_id", "title")).as("columns in any order").isTrue();
        assertThat(catalog.isUnique("notes", "person_id")).isFalse();
        assertThat(catalog.isUnique("notes", "title")).as("added by ALTER TABLE").isTrue();
    }

    @Test
    @DisplayName("foreign keys with their actions, CHECK constraints, and relations that are not tables")
    void foreignKeysChecksAndRelations() {
        CatalogInspector catalog = new CatalogInspector(db);
        ForeignKey notes = catalog.foreignKeys("notes", "person_id").get(0);
        assertThat(notes.referencedTable()).isEqualTo("people");
        assertThat(notes.referencedColumns()).containsExactly("id");
        assertThat(notes.onDelete()).isEqualTo("CASCADE");
        assertThat(notes.onUpdate()).isEqualTo("NO ACTION");
        ForeignKey tags = catalog.foreignKeys("tags").get(0);
        assertThat(tags.onDelete()).isEqualTo("NO ACTION");
        assertThat(tags.onUpdate()).isEqualTo("SET NULL");

        assertThat(catalog.checks("notes", "title")).singleElement()
                .satisfies(c -> assertThat(c.definition()).isEqualTo("CHECK ((length(title) > 0))"));
        assertThat(catalog.checks("people")).as("a domain's CHECK is not the table's").isEmpty();

        assertThat(catalog.hasTable("people")).isTrue();
        assertThat(catalog.hasTable("people_view")).isFalse();
        assertThat(catalog.explainMissing("people_view")).isEqualTo("people_view is a view, not a table.");
        assertThat(catalog.tables()).contains("People", "notes", "people", "tags");
        assertThat(catalog.explainMissing("nobody")).startsWith("There is no table named nobody. Tables found:");
        assertThat(catalog.explainMissing("note"))
                .isEqualTo("There is no table named note. There is a table named notes: check the spelling.");
        assertThat(catalog.explainMissing("person_notes")).doesNotContain("double quotes");
        assertThat(catalog.describeConstraints("notes")).contains("PRIMARY KEY (id)", "UNIQUE (title, person_id)",
                "FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE",
                "CHECK ((length(title) > 0))");
    }

    @Test
    @DisplayName("the probe reports accepted and rejected statements with their SQLSTATE, and runs as the student")
    void probe() {
        ConstraintProbe probe = new ConstraintProbe(db);
        assertThat(probe.expectAccepted("INSERT INTO people (nickname, email) VALUES ('ana', 'ana@example.com')",
                "a valid person")).isTrue();
        assertThat(probe.expectRejected("INSERT INTO people (nickname, email) VALUES ('ana', 'other@example.com')",
                SqlState.UNIQUE, "a second ana", "nickname must be UNIQUE")).isTrue();
        assertThat(probe.hasProblems()).isFalse();

        assertThat(probe.expectRejected("INSERT INTO people (nickname, email) VALUES ('bob', 'bob@example.com')",
                SqlState.NOT_NULL, "inserting bob", "bob must be refused")).isFalse();
        assertThat(probe.expectRejected("INSERT INTO people (nickname, email) VALUES ('eve', 'no-at-sign')",
                SqlState.NOT_NULL, "inserting eve", "eve needs an email")).isFalse();
        assertThat(probe.expectAccepted("INSERT INTO notes (person_id, title) VALUES (999, 'orphan')",
                "an orphan note")).isFalse();
        assertThat(probe.value("SELECT current_user = session_user AND NOT rolsuper FROM pg_roles "
                + "WHERE rolname = current_user")).as("runs as the unprivileged student role").isEqualTo(true);

        assertThat(probe.problemCount()).isEqualTo(3);
        assertThat(probe.attempts()).isEqualTo(5);
        assertThat(probe.report())
                .contains("- Inserting bob was accepted, but bob must be refused (expected SQLSTATE 23502 "
                        + "not_null_violation).\n    INSERT INTO people (nickname, email) "
                        + "VALUES ('bob', 'bob@example.com')")
                .contains("- Inserting eve was rejected for another reason: ERROR: value for domain email_address "
                        + "violates check constraint")
                .contains("(SQLSTATE 23514 check_violation). Expected SQLSTATE 23502 not_null_violation, because eve "
                        + "needs an email.")
                .contains("- An orphan note was rejected, but it must be accepted. PostgreSQL said: ERROR: insert or "
                        + "update on table \"notes\" violates foreign key constraint");
        assertThatThrownBy(() -> probe.assertNoProblems("Heading:"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Heading:\n- Inserting bob was accepted");
    }
}
