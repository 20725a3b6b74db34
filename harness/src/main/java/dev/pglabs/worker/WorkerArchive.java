package dev.pglabs.worker;

import dev.pglabs.concurrent.DaemonThreads;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A class-data archive (CDS) of the classes worker JVMs load: the libraries of the Java labs (Flyway, Ebean, Javalin,
 * Jetty, Jackson, HikariCP, the AWS SDK) parsed and verified once, mapped by every later worker. A worker without it
 * spends most of a Java lab's grading loading and verifying those classes again.
 *
 * <p>Each worker writes the names of the classes it loaded ({@code -XX:DumpLoadedClassList}) in its own private
 * /tmp; the grader reads them back when it closes the worker ({@link LoadedClasses}) and adds the new ones to the
 * list kept beside the worker's jar. When the list grew, a JVM of the grader's (outside the sandbox) dumps a new
 * archive from it and swaps it in atomically. What a worker reports is only a list of names, and student code may
 * have written it: a name is kept only if it is a plain class name found in the JDK or a jar of the worker's
 * classpath, so the archive holds nothing but the classpath's own classes. A worker started before the archive, or
 * with one made for other jars, simply runs without it ({@code -Xshare:auto}).
 *
 * <p>{@code PGLABS_CLASS_ARCHIVE=off} turns it off.
 */
final class WorkerArchive {

    static final String SWITCH = "PGLABS_CLASS_ARCHIVE";
    /** The list's name in the worker's temporary folder. */
    private static final String LOADED = "pglabs-loaded-classes.lst";
    private static final String ARCHIVE = "worker.jsa";
    private static final String LIST = "classes.lst";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*(/[A-Za-z_$][\\w$]*)*");
    /** More names than all of the course's libraries load: a list beyond it is not a worker's. */
    private static final int MOST_NAMES = 50_000;

    private final Path folder;
    private final List<Path> classpath;
    private final boolean enabled;
    private final Set<String> names = new TreeSet<>();
    /** Names a worker reported that are no class of the classpath: not looked up again. */
    private final Set<String> rejected = new HashSet<>();
    private URLClassLoader lookup;
    private Thread dumping;
    private boolean again;

    private WorkerArchive(Path folder, List<Path> classpath, boolean enabled) {
        this.folder = folder;
        this.classpath = List.copyOf(classpath);
        this.enabled = enabled;
    }

    /** The archive of {@code classpath}, kept in {@code folder}: off when turned off or a classpath entry is a folder. */
    static WorkerArchive of(Path folder, List<Path> classpath, Map<String, String> environment) {
        // CDS archives classes from jars only: a folder on the classpath (an IDE's build output) rules it out.
        boolean enabled = !"off".equalsIgnoreCase(environment.getOrDefault(SWITCH, "").strip())
                && classpath.stream().allMatch(Files::isRegularFile);
        WorkerArchive archive = new WorkerArchive(folder, classpath, enabled);
        if (enabled) {
            try {
                Path list = folder.resolve(LIST);
                if (Files.isRegularFile(list)) {
                    archive.names.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // An unreadable list is made again from the next workers.
            }
        }
        return archive;
    }

    boolean enabled() {
        return enabled;
    }

    /** The archive to map, if one was made for this classpath. */
    Optional<Path> file() {
        Path file = folder.resolve(ARCHIVE);
        return enabled && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Where a worker whose temporary folder is {@code tmpDir} (as it sees it) lists the classes it loads. */
    static String loadedList(String tmpDir) {
        return tmpDir + "/" + LOADED;
    }

    /**
     * The worker's JVM options: map {@code archive} (what {@link #file} gave when the worker's sandbox was set up),
     * and list what it loads in {@code tmpDir}.
     */
    List<String> jvmOptions(Optional<Path> archive, String tmpDir) {
        List<String> options = new ArrayList<>();
        if (!enabled) {
            return options;
        }
        archive.ifPresent(f -> options.add("-XX:SharedArchiveFile=" + f));
        options.add("-XX:DumpLoadedClassList=" + loadedList(tmpDir));
        // An archive made for other jars is not used, and not worth a warning on the worker's error stream.
        options.add("-Xlog:cds=off,cds+dynamic=off");
        return options;
    }

    /** Adds the classes a worker loaded; a new archive is made in the background when there are new ones. */
    void offer(String loaded) {
        if (!enabled || loaded == null) {
            return;
        }
        synchronized (this) {
            int before = names.size();
            for (String line : loaded.split("\n", MOST_NAMES + 1)) {
                String name = line.strip();
                if (names.size() >= MOST_NAMES) {
                    break;
                }
                if (names.contains(name) || rejected.contains(name) || !NAME.matcher(name).matches()) {
                    continue;
                }
                if (onClasspath(name)) {
                    names.add(name);
                } else if (rejected.size() < MOST_NAMES) {
                    rejected.add(name);
                }
            }
            if (names.size() == before) {
                return;
            }
            try {
                Path partial = folder.resolve(LIST + "." + ProcessHandle.current().pid() + ".partial");
                Files.write(partial, names, StandardCharsets.UTF_8);
                Files.move(partial, folder.resolve(LIST), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                return;
            }
            if (dumping != null) {
                again = true;
                return;
            }
            dumping = DaemonThreads.start("pglabs-class-archive", this::dumpWhileNeeded);
        }
    }

    /** Waits for an archive being made (tests, benchmarks: the next worker then maps it). */
    void awaitDump() throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = dumping;
        }
        if (running != null) {
            running.join();
        }
    }

    private void dumpWhileNeeded() {
        while (true) {
            dump();
            synchronized (this) {
                if (!again) {
                    dumping = null;
                    return;
                }
                again = false;
            }
        }
    }

    /**
     * One {@code java -Xshare:dump} over the list as it is now. It runs on when this JVM ends (a student's
     * {@code pglabs grade} is over long before), and its own shell puts the archive in place only when complete.
     */
    private void dump() {
        Path partial = folder.resolve(ARCHIVE + "." + ProcessHandle.current().pid() + ".partial");
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "partial=$1; archive=$2; shift 2; \"$@\" && mv -f \"$partial\" \"$archive\"; rm -f \"$partial\"",
                "pglabs-class-archive", partial.toString(), folder.resolve(ARCHIVE).toString(),
                Bubblewrap.javaExecutable(), "-Xshare:dump", "-XX:SharedClassListFile=" + folder.resolve(LIST),
                "-XX:SharedArchiveFile=" + partial, "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("dump.log").toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            // No archive this time: workers run as they did without one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a name is a class of the JDK or of the worker's jars (not just any name a worker reported). */
    private boolean onClasspath(String name) {
        if (lookup == null) {
            List<URL> urls = new ArrayList<>();
            for (Path entry : classpath) {
                try {
                    urls.add(entry.toUri().toURL());
                } catch (MalformedURLException e) {
                    // Not a file: nothing to find there.
                }
            }
            lookup = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }
        return lookup.getResource(name + ".class") != null;
    }
}
