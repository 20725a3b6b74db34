package dev.pglabs.orm;

import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.Dataset;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.provisioning.TestServers;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.Submission;
import dev.pglabs.submission.SubmissionProblem;
import io.ebean.Database;
import io.ebean.bean.EntityBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Ebean pipeline end to end on a tiny submission: query beans generated, entities enhanced (lazy loading and
 * dirty checking really happen), a Database per check as the student's role, and the statements it sends.
 */
@Tag("provider")
class EbeanSessionTest {

    @TempDir
    static Path root;
    static DatabaseFarm farm;
    static Dataset dataset;

    @BeforeAll
    static void setUp() throws Exception {
        farm = new DatabaseFarm(TestServers.shared(), SandboxLimits.defaults());
        Path data = Files.createDirectories(root.resolve("data"));
        StringBuilder sql = new StringBuilder("""
                CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
                CREATE TABLE books (id bigint PRIMARY KEY, title text NOT NULL, pages integer NOT NULL,
                                    author_id bigint NOT NULL REFERENCES authors (id));
                """);
        for (int a = 1; a <= 12; a++) {
            sql.append("INSERT INTO authors VALUES (").append(a).append(", 'Author ").append(a).append("');\n");
            sql.append("INSERT INTO books VALUES (").append(a).append(", 'Book ").append(a).append("', 100, ")
                    .append(a).append(");\n");
        }
        Files.writeString(data.resolve("schema.sql"), sql);
        dataset = Dataset.of(List.of(data.resolve("schema.sql")));
        write("shop/model/Author.java", """
                package shop.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "authors")
                public class Author {
                    @Id
                    private Long id;
                    private String name;

                    public Long getId() { return id; }
                    public String getName() { return name; }
                }
                """);
        write("shop/model/Book.java", """
                package shop.model;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "books")
                public class Book {
                    @Id
                    private Long id;
                    private String title;
                    private int pages;
                    @ManyToOne(optional = false)
                    private Author author;

                    public Long getId() { return id; }
                    public String getTitle() { return title; }
                    public void setTitle(String title) { this.title = title; }
                    public Author getAuthor() { return author; }
                }
                """);
        write("shop/ShopLibrary.java", """
                package shop;

                import dev.pglabs.orm.Library;
                import io.ebean.Database;
                import java.util.List;
                import shop.model.Book;
                import shop.model.query.QBook;

                public class ShopLibrary implements Library {
                    private final Database db;

                    public ShopLibrary(Database db) { this.db = db; }

                    public List<String> titlesWithAuthorsLazily() {
                        return new QBook(db).orderBy().id.asc().findList().stream()
                                .map(b -> b.getTitle() + " by " + b.getAuthor().getName()).toList();
                    }

                    public List<String> titlesWithAuthorsFetched() {
                        QBook b = QBook.alias();
                        return new QBook(db).select(b.title).author.fetch().orderBy().id.asc().findList().stream()
                                .map(x -> x.getTitle() + " by " + x.getAuthor().getName()).toList();
                    }

                    public void rename(long bookId, String title) {
                        Book book = db.find(Book.class, bookId);
                        book.setTitle(title);
                        db.save(book);
                    }
                }
                """);
    }

    @AfterAll
    static void tearDown() {
        farm.close();
    }

    private static void write(String file, String text) throws Exception {
        Path path = root.resolve("08-orm/src/main/java").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static LabFiles lab() {
        return new Submission(root).lab("08-orm");
    }

    @Test
    void compilesGeneratesQueryBeansAndEnhances() {
        try (JavaSources sources = new JavaSources(lab(), EbeanSessionTest.class.getClassLoader())) {
            long start = System.nanoTime();
            CompiledSubmission code = sources.compileEbean();
            System.out.printf("compile + enhance: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(code.classesDir().resolve("shop/model/query/QBook.class")).exists();
            assertThat(EntityBean.class.isAssignableFrom(code.load("shop.model.Book"))).as("Book is enhanced").isTrue();
            assertThat(EbeanSession.ebeanClasses(code)).extracting(Class::getName)
                    .containsExactly("shop.model.Author", "shop.model.Book");
        }
    }

    @Test
    void lazyLoadingAndFetchPlansShowInTheStatementLog() throws Exception {
        try (JavaSources sources = new JavaSources(lab(), EbeanSessionTest.class.getClassLoader());
             CheckDatabase db = farm.create(dataset)) {
            CompiledSubmission code = sources.compileEbean();
            long start = System.nanoTime();
            try (EbeanSession orm = EbeanSession.open(code, db.studentTarget())) {
                System.out.printf("Ebean start: %d ms%n", (System.nanoTime() - start) / 1_000_000);
                Library library = code.instantiate("shop.ShopLibrary", Library.class, List.of(Database.class),
                        orm.database());

                var lazy = orm.statements().record(library::titlesWithAuthorsLazily);
                assertThat(lazy.value()).hasSize(12).startsWith("Book 1 by Author 1");
                // One query for the books, then Ebean's batched lazy load of their authors (id = any(?)).
                assertThat(lazy.statements()).hasSize(2);
                assertThat(lazy.statements().get(1).sql()).contains("__lazy");
                assertThatThrownBy(() -> SqlBudget.assertWithin(lazy.statements(), 1, "titlesWithAuthorsLazily()",
                        "Fetch the authors with the books."))
                        .isInstanceOf(AssertionFailedError.class)
                        .hasMessageContaining("sent 2 SQL statements")
                        .hasMessageContaining("lazy loading")
                        .hasMessageContaining("from authors")
                        .hasMessageContaining("Fetch the authors");

                var fetched = orm.statements().record(library::titlesWithAuthorsFetched);
                assertThat(fetched.value()).isEqualTo(lazy.value());
                assertThat(fetched.statements()).hasSize(1);
                assertThat(fetched.statements().get(0).sql()).contains("join authors");
                SqlBudget.assertWithin(fetched.statements(), 1, "titlesWithAuthorsFetched()", "");

                // Dirty checking: only the changed column is updated, inside a transaction that commits.
                var rename = orm.statements().record(() -> {
                    library.rename(3, "Renamed");
                    return null;
                });
                assertThat(rename.statements()).hasSize(2);
                assertThat(rename.statements().get(1).normalized()).isEqualTo("update books set title=? where id=?");
                assertThat(rename.statements().get(1).parameters()).containsExactly("'Renamed'", "3");
                assertThat(rename.entries()).extracting(StatementLog.Entry::sql).contains("COMMIT");
                assertThat(db.student().query("SELECT title FROM books WHERE id = 3", "test").rows().get(0).get(0))
                        .isEqualTo("Renamed");
            }
        }
    }

    @Test
    void aClassWithoutEnhancementIsRefused() throws Exception {
        try (JavaSources sources = new JavaSources(lab(), EbeanSessionTest.class.getClassLoader());
             CheckDatabase db = farm.create(dataset)) {
            // javac with the query-bean generator but no enhancer, as a bare `mvn compile`
            CompiledSubmission plain = sources.compileWithAnnotationProcessing(JavaSources.MAIN);
            assertThat(EntityBean.class.isAssignableFrom(plain.load("shop.model.Book"))).isFalse();
            assertThatThrownBy(() -> EbeanSession.open(plain, db.studentTarget()).close())
                    .isInstanceOfSatisfying(SubmissionProblem.class,
                            p -> assertThat(p.status()).isEqualTo(CheckStatus.FAILED))
                    .hasMessageContaining("Ebean could not start")
                    .hasMessageContaining("not enhanced");
        }
    }
}
