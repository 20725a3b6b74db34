package dev.pglabs.orm;

import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import io.ebean.Database;
import io.ebean.DatabaseFactory;
import io.ebean.config.ClassLoadConfig;
import io.ebean.config.DatabaseConfig;
import io.ebean.datasource.DataSourceBuilder;
import io.ebean.datasource.DataSourcePool;
import io.ebean.platform.postgres.PostgresPlatform;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An Ebean {@link Database} over a submission's entities, for one check: connected to the check's database as the
 * student's role, with DDL generation and migrations off (the schema is the dataset's), no classpath scanning (the
 * submission's entity classes are registered one by one) and no registration as Ebean's default database (checks
 * and students graded side by side must not share one). Every statement it sends is recorded in
 * {@link #statements()}. Close it with the check: it shuts the Database and its connection pool down.
 *
 * <pre>{@code
 * CompiledSubmission code = sources.compileEbean();          // or a CompiledSubmission parameter of an ebean grader
 * try (EbeanSession orm = EbeanSession.open(code, db.studentTarget())) {
 *     BlogRepository repo = code.instantiate("blog.BlogRepository", BlogRepository.class,
 *             List.of(Database.class), orm.database());
 *     var run = orm.statements().record(() -> JavaCalls.call(() -> repo.latestPosts(5), LIMIT, "latestPosts(5)"));
 *     SqlBudget.assertWithin(run.statements(), 2, "latestPosts(5)", "fetch the authors with the posts");
 * }
 * }</pre>
 */
public final class EbeanSession implements AutoCloseable {

    /** Starting Ebean runs the entities' constructors (student code); far more than an honest start needs. */
    static final Duration START_LIMIT = Duration.ofSeconds(30);
    /** A few connections: one per open transaction, and no student code may exhaust the role's limit. */
    private static final int MAX_CONNECTIONS = 4;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Database database;
    private final DataSourcePool pool;
    private final StatementLog statements;
    private final List<Class<?>> entities;

    private EbeanSession(Database database, DataSourcePool pool, StatementLog statements, List<Class<?>> entities) {
        this.database = database;
        this.pool = pool;
        this.statements = statements;
        this.entities = entities;
    }

    /**
     * Starts Ebean on every entity (and embeddable, converter) of the compiled submission. The submission must have
     * been compiled with {@link dev.pglabs.javasub.JavaSources#compileEbean()} (enhanced).
     */
    public static EbeanSession open(CompiledSubmission code, ConnectionTarget target) {
        List<Class<?>> classes = ebeanClasses(code);
        if (classes.stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
            throw new SubmissionProblem(CheckStatus.FAILED, "Your code has no entity class: no class is annotated "
                    + "with @Entity (jakarta.persistence.Entity). Ebean maps only classes marked @Entity.");
        }
        return open(code, target, classes);
    }

    /** Starts Ebean on exactly these classes of the submission. */
    public static EbeanSession open(CompiledSubmission code, ConnectionTarget target, List<Class<?>> classes) {
        return open(code.classLoader(), target, classes, true);
    }

    /**
     * In the worker process ({@link dev.pglabs.worker.StudentTask}): Ebean on every entity (and embeddable, converter)
     * of the enhanced classes in {@code classesDir}, loaded by the student's {@code loader}. The task's own limit
     * covers the start.
     */
    public static EbeanSession openInWorker(ClassLoader loader, Path classesDir, ConnectionTarget target) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames(classesDir)) {
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class)
                        || c.isAnnotationPresent(Converter.class)) {
                    classes.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SubmissionProblem(CheckStatus.ERROR, "The class " + name + " could not be loaded: " + e);
            }
        }
        if (classes.stream().noneMatch(c -> c.isAnnotationPresent(Entity.class))) {
            throw new SubmissionProblem(CheckStatus.FAILED, "Your code has no entity class: no class is annotated "
                    + "with @Entity (jakarta.persistence.Entity). Ebean maps only classes marked @Entity.");
        }
        return open(loader, target, classes, false);
    }

    private static EbeanSession open(ClassLoader loader, ConnectionTarget target, List<Class<?>> classes,
                                     boolean limited) {
        StatementLog statements = new StatementLog();
        DataSourcePool pool = DataSourceBuilder.create()
                .name("pglabs-orm-" + SERIAL.incrementAndGet())
                .url(target.jdbcUrl())
                .username(target.user())
                .password(target.password())
                .applicationName("pglabs-student")
                .minConnections(1)
                .maxConnections(MAX_CONNECTIONS)
                .waitTimeoutMillis(10_000)
                .heartbeatFreqSecs(3600)
                .build();
        try {
            DatabaseConfig config = new DatabaseConfig();
            config.setName("pglabs-" + target.database() + "-" + SERIAL.incrementAndGet());
            config.setDataSource(statements.wrap(pool));
            config.setDatabasePlatform(new PostgresPlatform());
            config.setRegister(false);
            config.setDefaultServer(false);
            config.setDdlGenerate(false);
            config.setDdlRun(false);
            config.setRunMigration(false);
            // No ServiceLoader look-up of generated entity registers: exactly the classes below.
            config.setLoadModuleInfo(false);
            config.setClasses(new ArrayList<>(classes));
            // Ebean loads classes by name (and creates beans) through this loader: the submission's.
            config.setClassLoadConfig(new ClassLoadConfig(loader));
            Database database = limited ? JavaCalls.call(() -> start(config, loader), START_LIMIT, "Starting Ebean "
                    + "with your entities") : start(config, loader);
            statements.clear();
            return new EbeanSession(database, pool, statements, List.copyOf(classes));
        } catch (RuntimeException | Error e) {
            pool.shutdown();
            throw e;
        }
    }

    private static Database start(DatabaseConfig config, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return DatabaseFactory.createWithContextClassLoader(config, loader);
        } catch (RuntimeException e) {
            // Ebean explains mapping mistakes itself ("… is not enhanced", "Error reading annotations for …").
            throw new SubmissionProblem(CheckStatus.FAILED, "Ebean could not start with your entities:\n"
                    + EbeanErrors.describe(e));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public Database database() {
        return database;
    }

    /** Every statement this Database sent since the log was last cleared. */
    public StatementLog statements() {
        return statements;
    }

    /** The classes Ebean was started with. */
    public List<Class<?>> entityClasses() {
        return entities;
    }

    /**
     * The classes of the submission Ebean must know: {@code @Entity}, {@code @Embeddable} and {@code @Converter}
     * classes. Loaded without running their static initialisers.
     */
    public static List<Class<?>> ebeanClasses(CompiledSubmission code) {
        List<Class<?>> found = new ArrayList<>();
        for (String name : classNames(code.classesDir())) {
            Class<?> c = code.load(name);
            if (c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class)
                    || c.isAnnotationPresent(Converter.class)) {
                found.add(c);
            }
        }
        return found;
    }

    private static List<String> classNames(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            database.shutdown(false, false);
        } finally {
            pool.shutdown();
        }
    }
}
