package dev.pglabs.sql;

import java.util.Map;
import java.util.Optional;

/**
 * The condition names of the SQLSTATE codes pglabs meets ("23505" is unique_violation, PostgreSQL's appendix A), and
 * beginner advice for the ones students meet most. One table for every message that names a code.
 */
public final class SqlStates {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("0A000", "feature_not_supported"),
            Map.entry("22001", "string_data_right_truncation"),
            Map.entry("22003", "numeric_value_out_of_range"),
            Map.entry("22007", "invalid_datetime_format"),
            Map.entry("22008", "datetime_field_overflow"),
            Map.entry("22012", "division_by_zero"),
            Map.entry("22P02", "invalid_text_representation"),
            Map.entry("23502", "not_null_violation"),
            Map.entry("23503", "foreign_key_violation"),
            Map.entry("23505", "unique_violation"),
            Map.entry("23514", "check_violation"),
            Map.entry("23P01", "exclusion_violation"),
            Map.entry("25001", "active_sql_transaction"),
            Map.entry("25P01", "no_active_sql_transaction"),
            Map.entry("25P02", "in_failed_sql_transaction"),
            Map.entry("40001", "serialization_failure"),
            Map.entry("40P01", "deadlock_detected"),
            Map.entry("428C9", "generated_always"),
            Map.entry("42501", "insufficient_privilege"),
            Map.entry("42601", "syntax_error"),
            Map.entry("42702", "ambiguous_column"),
            Map.entry("42703", "undefined_column"),
            Map.entry("42803", "grouping_error"),
            Map.entry("42804", "datatype_mismatch"),
            Map.entry("42883", "undefined_function"),
            Map.entry("42P01", "undefined_table"),
            Map.entry("53100", "disk_full"),
            Map.entry("53400", "configuration_limit_exceeded"),
            Map.entry("54001", "statement_too_complex"),
            Map.entry("55000", "object_not_in_prerequisite_state"),
            Map.entry("55P03", "lock_not_available"),
            Map.entry("57014", "query_canceled"),
            Map.entry("57P01", "admin_shutdown"),
            Map.entry("P0001", "raise_exception"));

    private static final String TOO_MUCH_SPACE =
            "The query used too much temporary space; it probably produces far too many rows.";

    private static final Map<String, String> ADVICE = Map.ofEntries(
            Map.entry("42601", "Look just before the place PostgreSQL names: a missing comma, quote or parenthesis, or a keyword in the wrong order."),
            Map.entry("42703", "Check the column name against the table definition; a string value needs 'single quotes', not \"double quotes\"."),
            Map.entry("42P01", "Check the table name: the blog tables are users, profiles, posts, comments, tags and post_tags."),
            Map.entry("42883", "The function does not exist for these argument types; check its name, or add a cast such as ::numeric."),
            Map.entry("42803", "Every selected column must be inside an aggregate such as count(...) or listed in GROUP BY."),
            Map.entry("42804", "Two values of different types meet here; add a cast."),
            Map.entry("42702", "Two tables have a column of this name: prefix it with the table or alias, like p.id."),
            Map.entry("22P02", "A value does not fit its type (for example text where a number is expected)."),
            Map.entry("22012", "Guard the divisor, e.g. with NULLIF(x, 0)."),
            Map.entry("23502", "A NOT NULL column got no value."),
            Map.entry("23503", "A referenced row is missing, or other rows still refer to this one."),
            Map.entry("23505", "That value already exists in a column that must be unique."),
            Map.entry("23514", "A value breaks a CHECK constraint of the table."),
            Map.entry("25P02", "An earlier statement in the same transaction failed; fix that one first."),
            Map.entry("25P01", "This needs a transaction: LOCK TABLE, SAVEPOINT and COMMIT belong between BEGIN and COMMIT."),
            Map.entry("0A000", "PostgreSQL (as set up for the course) does not offer this, e.g. PREPARE TRANSACTION."),
            Map.entry("55000", "The object is not ready for this, e.g. currval() before nextval() in this session."),
            Map.entry("42501", "Your answer runs as a student role in its own database; it may only use the lab's tables."),
            Map.entry("54001", "The statement is too complex or recurses too deeply."),
            Map.entry("53100", TOO_MUCH_SPACE),
            Map.entry("53400", TOO_MUCH_SPACE));

    private SqlStates() {
    }

    /** The condition name of a code ("unique_violation" for 23505), when it is one pglabs knows. */
    public static Optional<String> name(String state) {
        return Optional.ofNullable(state).map(NAMES::get);
    }

    /** What a beginner should look at for this code, when there is something general to say. */
    public static Optional<String> advice(String state) {
        return Optional.ofNullable(state).map(ADVICE::get);
    }
}
