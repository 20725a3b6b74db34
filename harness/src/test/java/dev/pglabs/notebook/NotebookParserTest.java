package dev.pglabs.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a README as cells and writing outputs back without touching anything else. */
class NotebookParserTest {

    static final String README = """
            # A lab

            Some prose with `code` and a shell block that is prose:

            ```sh
            ./pglabs grade 01
            ```

            ```sql
            SELECT 1;
            ```

            ```SQL skip
            DROP TABLE users;
            ```

            1. In a list:

               ```java
               int x = 1;
               ```

            ```sql error
            SELECT nope;
            ```

            <!-- pglabs:output -->
            ```text
            old output
            ```
            <!-- /pglabs:output -->

            Last words.
            """;

    private static Notebook parse(String text) {
        return NotebookParser.parse(Path.of("README.md"), "README.md", text);
    }

    @Test
    @DisplayName("sql and java fences are cells with markers and README lines; other fences are prose")
    void cells() {
        Notebook nb = parse(README);
        assertThat(nb.cells()).hasSize(4);
        Cell first = nb.cell(1);
        assertThat(first.language()).isEqualTo(Cell.Language.SQL);
        assertThat(first.source()).isEqualTo("SELECT 1;\n");
        assertThat(first.fenceLine()).isEqualTo(9);
        assertThat(first.codeLine()).isEqualTo(10);
        assertThat(nb.cell(2).skipped()).isTrue();
        assertThat(nb.cell(3).language()).isEqualTo(Cell.Language.JAVA);
        assertThat(nb.cell(3).source()).as("indentation of a list item removed").isEqualTo("int x = 1;\n");
        assertThat(nb.cell(4).expectsError()).isTrue();
        assertThat(nb.cell(4).output()).get().extracting(RecordedOutput::text).isEqualTo("old output");
        assertThat(nb.cell(1).output()).isEmpty();
        assertThat(nb.proseBefore(nb.cell(1))).contains("./pglabs grade 01");
        assertThat(nb.proseAfterLastCell()).isEqualTo("\nLast words.\n");
    }

    @Test
    @DisplayName("writing without changes, or the same outputs again, gives the file back byte for byte")
    void roundTrip() {
        Notebook nb = parse(README);
        assertThat(NotebookWriter.render(nb, Map.of())).isEqualTo(README);
        assertThat(NotebookWriter.render(nb, Map.of(4, "old output"))).isEqualTo(README);
    }

    @Test
    @DisplayName("new outputs are inserted, replaced and removed, and parse back; removing restores the original")
    void insertReplaceRemove() {
        Notebook nb = parse(README);
        Map<Integer, String> outputs = new HashMap<>();
        outputs.put(1, " ?column?\n----------\n        1\n(1 row)");
        outputs.put(3, "```nested fence```");
        outputs.put(4, "ERROR:  new");
        String written = NotebookWriter.render(nb, outputs);
        Notebook again = parse(written);
        assertThat(again.cells()).hasSize(4);
        assertThat(again.cell(1).output()).get().extracting(RecordedOutput::text).isEqualTo(outputs.get(1));
        assertThat(again.cell(3).output()).get().extracting(RecordedOutput::text).isEqualTo(outputs.get(3));
        assertThat(written).contains("   <!-- pglabs:output -->\n   ````text\n   ```nested fence```\n");
        assertThat(again.cell(4).output()).get().extracting(RecordedOutput::text).isEqualTo("ERROR:  new");
        assertThat(NotebookWriter.render(again, outputs)).as("idempotent").isEqualTo(written);

        Map<Integer, String> removeNew = Map.of(1, "", 3, "", 4, "old output");
        assertThat(NotebookWriter.render(again, removeNew)).isEqualTo(README);
    }

    @Test
    @DisplayName("a CRLF file keeps its line breaks, and a last fence without a line break gets one before the output")
    void lineEndings() {
        String crlf = README.replace("\n", "\r\n");
        Notebook nb = parse(crlf);
        assertThat(nb.cells()).hasSize(4);
        assertThat(NotebookWriter.render(nb, Map.of())).isEqualTo(crlf);
        String written = NotebookWriter.render(nb, Map.of(1, "a\nb"));
        assertThat(written).contains("```\r\n\r\n<!-- pglabs:output -->\r\n```text\r\na\r\nb\r\n```\r\n<!-- /pglabs:output -->\r\n");
        assertThat(written.replace("\r\n", "")).doesNotContain("\n");

        String noFinalBreak = "```sql\nSELECT 1;\n```";
        String out = NotebookWriter.render(parse(noFinalBreak), Map.of(1, "x"));
        assertThat(out).isEqualTo(noFinalBreak + "\n\n<!-- pglabs:output -->\n```text\nx\n```\n<!-- /pglabs:output -->\n");
        assertThat(NotebookWriter.render(parse(out), Map.of(1, ""))).isEqualTo(noFinalBreak + "\n");
    }

    @Test
    @DisplayName("unified diff shows only the changed lines with context")
    void diff() {
        String d = UnifiedDiff.diff("a\nb\nc\nd\ne\nf\ng\nh", "a\nb\nc\nd\nE\nf\ng\nh");
        assertThat(d).isEqualTo("@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
        assertThat(UnifiedDiff.diff("same", "same")).isEmpty();
        assertThat(UnifiedDiff.diff("", "new")).isEqualTo("@@ -0,0 +1,1 @@\n+new\n");
    }

    @Test
    @DisplayName("command tags follow psql for DML, DDL and transaction control")
    void commandTags() {
        assertThat(CommandTags.tag("INSERT INTO t VALUES (1)", 1, false)).isEqualTo("INSERT 0 1");
        assertThat(CommandTags.tag("-- c\nupdate t set x = 1", 3, false)).isEqualTo("UPDATE 3");
        assertThat(CommandTags.tag("WITH d AS (SELECT 1) DELETE FROM t", 2, false)).isEqualTo("DELETE 2");
        assertThat(CommandTags.tag("CREATE UNIQUE INDEX i ON t (x)", 0, false)).isEqualTo("CREATE INDEX");
        assertThat(CommandTags.tag("create or replace view v as select 1", 0, false)).isEqualTo("CREATE VIEW");
        assertThat(CommandTags.tag("CREATE TABLE t2 AS SELECT * FROM t", 5, false)).isEqualTo("SELECT 5");
        assertThat(CommandTags.tag("CREATE TEMP TABLE t (id int)", 0, false)).isEqualTo("CREATE TABLE");
        assertThat(CommandTags.tag("BEGIN", 0, false)).isEqualTo("BEGIN");
        assertThat(CommandTags.tag("COMMIT", 0, true)).isEqualTo("ROLLBACK");
        assertThat(CommandTags.tag("ALTER TABLE t ADD COLUMN y int", 0, false)).isEqualTo("ALTER TABLE");
        assertThat(CommandTags.tag("DROP MATERIALIZED VIEW IF EXISTS m", 0, false)).isEqualTo("DROP MATERIALIZED VIEW");
    }
}
