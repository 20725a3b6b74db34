package dev.pglabs.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command line that starts a JVM inside bubblewrap ({@code bwrap}, the sandbox behind Flatpak): every namespace
 * unshared (no network but its own loopback, its own process tree, no other user's IPC), an empty environment, a
 * private empty {@code /tmp}, and of the machine's files only what a JVM needs to run, read-only: the JDK and the
 * system libraries it links against. The caller adds its own read-only and writable folders.
 */
final class Bubblewrap {

    private static final String COMMAND = "bwrap";
    /** Room in the sandbox's /tmp: enough for what libraries unpack, not enough to fill the machine's memory. */
    private static final long TMP_BYTES = 64L << 20;
    private static final boolean SIZE_OPTION = supportsSize();
    private static volatile String unavailable;
    private static volatile Boolean available;

    private Bubblewrap() {
    }

    /** Whether bubblewrap is installed and can start a JVM here (tested once per process). */
    static boolean available() {
        if (available == null) {
            synchronized (Bubblewrap.class) {
                if (available == null) {
                    available = probe();
                }
            }
        }
        return available;
    }

    static String whyUnavailable() {
        available();
        return unavailable == null ? "it is available" : unavailable;
    }

    private static boolean probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            unavailable = "it exists on Linux only";
            return false;
        }
        List<String> command = base();
        command.addAll(List.of(javaExecutable(), "-Xshare:auto", "-version"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                unavailable = "bwrap did not start java within 30 s";
                return false;
            }
            if (process.exitValue() != 0) {
                String said = new String(output).strip();
                unavailable = "bwrap could not start java (" + (said.length() > 200 ? said.substring(0, 200) : said)
                        + ")";
                return false;
            }
            return true;
        } catch (IOException e) {
            unavailable = "the command bwrap is not installed";
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while testing bwrap";
            return false;
        }
    }

    private static boolean supportsSize() {
        try {
            Process help = new ProcessBuilder(COMMAND, "--help").redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes());
            help.waitFor(10, TimeUnit.SECONDS);
            return text.contains("--size");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** bwrap with the JDK and system libraries; more binds and the command follow. */
    static List<String> base() {
        List<String> args = new ArrayList<>(List.of(COMMAND, "--unshare-all", "--die-with-parent", "--new-session",
                "--clearenv", "--hostname", "pglabs-sandbox", "--proc", "/proc", "--dev", "/dev"));
        // A private /tmp, capped where bwrap can (tmpfs pages are memory the worker's limits do not see).
        if (SIZE_OPTION) {
            args.addAll(List.of("--size", Long.toString(TMP_BYTES)));
        }
        args.addAll(List.of("--tmpfs", "/tmp"));
        for (String link : List.of("/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")) {
            Path path = Path.of(link);
            try {
                if (Files.isSymbolicLink(path)) {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), link));
                } else if (Files.isDirectory(path) && !link.endsWith("bin")) {
                    args.addAll(List.of("--ro-bind", link, link));
                }
            } catch (IOException ignored) {
                // Unreadable link: the JVM will say what it misses.
            }
        }
        for (Path dir : libraryFolders()) {
            args.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
        for (Path dir : javaFolders()) {
            args.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        }
        return args;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The folders of the C library and its neighbours (merged /usr or not, any architecture). */
    private static Set<Path> libraryFolders() {
        Set<Path> folders = new LinkedHashSet<>();
        for (String root : List.of("/usr/lib", "/usr/lib64")) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            if (root.endsWith("64")) {
                folders.add(dir);
                continue;
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith("-linux-gnu") && Files.isDirectory(p))
                        .forEach(folders::add);
            } catch (IOException ignored) {
                // Nothing to add.
            }
        }
        return folders;
    }

    /** The JDK and the folders its links point into (Debian keeps its configuration and CA store under /etc). */
    private static Set<Path> javaFolders() {
        Set<Path> folders = new LinkedHashSet<>();
        Path home;
        try {
            home = Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException e) {
            home = Path.of(System.getProperty("java.home"));
        }
        folders.add(home);
        try (Stream<Path> walk = Files.walk(home)) {
            walk.filter(Files::isSymbolicLink).filter(p -> !p.toString().contains("/legal/")).forEach(link -> {
                try {
                    Path target = link.toRealPath();
                    Path folder = Files.isDirectory(target) ? target : target.getParent();
                    if (folders.stream().noneMatch(folder::startsWith)) {
                        folders.add(folder);
                    }
                } catch (IOException ignored) {
                    // A dangling link: the JDK does without it outside the sandbox too.
                }
            });
        } catch (IOException ignored) {
            // Only the JDK itself then.
        }
        return folders;
    }
}
