package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Index definitions read from the catalog of a real server, whatever the indexes are called. */
@Tag("provider")
class IndexCatalogTest {

    @Test
    @DisplayName("keys, directions, INCLUDE columns, predicates and expressions are read from pg_index")
    void definitions() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.items(); Connection c = db.openAdmin()) {
            execute(c, """
                    CREATE INDEX a ON items (grp, created_at DESC) INCLUDE (name) WHERE grp < 10;
                    CREATE UNIQUE INDEX b ON items (LOWER( name ));
                    CREATE INDEX c ON items USING hash (grp);
                    CREATE INDEX d ON items (name text_pattern_ops, created_at NULLS FIRST)""");
            List<IndexCatalog.Index> indexes = IndexCatalog.onTable(c, "items");
            assertThat(indexes).extracting(IndexCatalog.Index::name).containsExactly("a", "b", "c", "d", "items_pkey");

            IndexCatalog.Index a = named(indexes, "a");
            assertThat(a.keyExpressions()).containsExactly("grp", "created_at");
            assertThat(a.keys().get(1).descending()).isTrue();
            assertThat(a.keys().get(1).nullsFirst()).as("DESC means NULLS FIRST by default").isTrue();
            assertThat(a.included()).containsExactly("name");
            assertThat(a.predicate()).isEqualTo("grp < 10");
            assertThat(a.partial()).isTrue();
            assertThat(a.unique()).isFalse();
            assertThat(a.startsWith("grp")).isTrue();
            assertThat(a.startsWith("grp", "created_at")).isTrue();
            assertThat(a.startsWith("created_at")).isFalse();
            assertThat(a.describe()).isEqualTo("a ON items (grp, created_at DESC) INCLUDE (name) WHERE grp < 10");

            IndexCatalog.Index b = named(indexes, "b");
            assertThat(b.key(0)).as("PostgreSQL's own spelling of the expression").isEqualTo("lower(name)");
            assertThat(b.keys().get(0).computed()).isTrue();
            assertThat(b.hasExpressionKey()).isTrue();
            assertThat(a.hasExpressionKey()).isFalse();
            assertThat(b.key(1)).isEmpty();
            assertThat(b.unique()).isTrue();
            assertThat(b.constraint()).as("a unique index is not a constraint").isNull();
            assertThat(b.describe()).isEqualTo("b ON items (lower(name)) [unique]");

            assertThat(named(indexes, "c").method()).isEqualTo("hash");
            assertThat(named(indexes, "c").describe()).isEqualTo("c ON items USING hash (grp)");
            assertThat(named(indexes, "d").describe())
                    .isEqualTo("d ON items (name text_pattern_ops, created_at NULLS FIRST)");

            IndexCatalog.Index pkey = named(indexes, "items_pkey");
            assertThat(pkey.primary()).isTrue();
            assertThat(pkey.constraint()).isEqualTo("items_pkey");
            assertThat(pkey.describe()).isEqualTo("items_pkey ON items (id) [primary key]");
            assertThat(pkey.definition()).startsWith("CREATE UNIQUE INDEX items_pkey ON ");
            assertThat(pkey.bytes()).isPositive();
            assertThat(pkey.valid()).isTrue();
        }
    }

    @Test
    @DisplayName("duplicates are found by definition, not by name; a B-tree on (a) is a prefix of one on (a, b)")
    void duplicatesAndPrefixes() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.items(); Connection c = db.openAdmin()) {
            execute(c, """
                    CREATE INDEX first_name ON items (grp);
                    CREATE INDEX second_name ON items (grp);
                    CREATE INDEX grp_desc ON items (grp DESC);
                    CREATE INDEX grp_partial ON items (grp) WHERE grp > 50;
                    CREATE INDEX grp_created ON items (grp, created_at);
                    CREATE UNIQUE INDEX id_again ON items (id)""");
            List<IndexCatalog.Index> indexes = IndexCatalog.onTable(c, "items");
            IndexCatalog.Index first = named(indexes, "first_name");
            assertThat(first.sameKeysAs(named(indexes, "second_name"))).isTrue();
            assertThat(first.sameKeysAs(named(indexes, "grp_desc"))).as("another direction").isFalse();
            assertThat(first.sameKeysAs(named(indexes, "grp_partial"))).as("another predicate").isFalse();
            assertThat(first.sameKeysAs(named(indexes, "grp_created"))).isFalse();
            assertThat(first.isPrefixOf(named(indexes, "grp_created"))).isTrue();
            assertThat(named(indexes, "grp_created").isPrefixOf(first)).isFalse();
            assertThat(named(indexes, "grp_partial").isPrefixOf(named(indexes, "grp_created"))).isFalse();
            assertThat(named(indexes, "id_again").sameKeysAs(named(indexes, "items_pkey")))
                    .as("a unique index repeating the primary key").isTrue();
        }
    }

    private static IndexCatalog.Index named(List<IndexCatalog.Index> indexes, String name) {
        return IndexCatalog.named(indexes, name).orElseThrow(() -> new AssertionError("no index " + name));
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
