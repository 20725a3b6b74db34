package dev.pglabs.graders.lab08;

import dev.pglabs.provisioning.CheckDatabase;

/**
 * Makes the check's database refuse to link posts to one tag, so an operation that saves tags, a post and then its
 * links fails at its last insert, after the first ones succeeded: what it leaves behind shows its transactions.
 */
final class RefusedTag {

    static final String NAME = "grader-refused";

    private RefusedTag() {
    }

    static void install(CheckDatabase db) {
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
    }
}
