package dev.pglabs.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DynamoDB-compatible server on loopback, for the labs that put a key-value store next to PostgreSQL (lab 11).
 * It runs <a href="https://www.npmjs.com/package/dynalite">dynalite</a> (open source, Apache-2.0; data in memory) on
 * Node.js as a child process. AWS's own DynamoDB Local is not used: its licence is the vendor's, not an open-source
 * one.
 * <p>
 * The emulator is an npm package pinned by {@code tools/dynalite/package.json} and {@code package-lock.json}. On first
 * use it is installed there with {@code npm ci} (CI does that ahead, see {@link #INSTALL_COMMAND}). The process
 * listens on a port the system picks, and exits when its standard input closes: this JVM holds that pipe, so the
 * emulator stops with the JVM even when the JVM is killed. {@link #close()} (or the shutdown hook) stops it sooner.
 */
public final class DynamoDbEmulator implements AutoCloseable {

    /** What CI (or a user who wants it ready ahead) runs from the course root. */
    public static final String INSTALL_COMMAND = "npm ci --prefix tools/dynalite --ignore-scripts --no-audit --no-fund";

    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(3);
    /** Per attempt: it answers in 0.1–0.3 s here, a few seconds on a loaded machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;
    private static final long POLL_MILLIS = 25;
    /** dynalite 4 declares {@code "engines": {"node": ">=20"}}. */
    static final int MIN_NODE = 20;
    private static final String HOW_TO_GET_NODE = "Install Node.js " + MIN_NODE + " or newer with npm: on Debian/Ubuntu "
            + "'sudo apt-get install nodejs npm', on macOS 'brew install node', on Windows the installer from "
            + "nodejs.org; in Codespaces Node.js is already there. Then grade again: the harness installs the "
            + "emulator by itself (or run '" + INSTALL_COMMAND + "' in the course folder).";

    private final Process process;
    private final Path log;
    private final URI endpoint;
    private final Thread shutdownHook;
    private final long startMillis;

    private DynamoDbEmulator(Process process, int port, Path log, long startMillis) {
        this.process = process;
        this.log = log;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.startMillis = startMillis;
        this.shutdownHook = new Thread(this::stopProcess, "pglabs-dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Installs the emulator into {@code toolFolder} if needed (a folder with package.json, package-lock.json and
     * start.js), starts it and waits until it listens.
     *
     * @throws Unavailable when Node.js or npm are missing or the install fails: the message says what to do
     */
    public static DynamoDbEmulator start(Path toolFolder) {
        long started = System.nanoTime();
        Path script = toolFolder.resolve("start.js");
        if (!Files.isRegularFile(script)) {
            throw new Unavailable("The DynamoDB emulator's launcher " + script + " is missing: the course folder is "
                    + "incomplete (get tools/dynalite/ from the course repository).");
        }
        String node = executable("node");
        String version = output(node, "--version");
        if (version == null) {
            throw new Unavailable("Lab 11 runs a DynamoDB emulator (dynalite) on Node.js, and 'node' was not found. "
                    + HOW_TO_GET_NODE);
        }
        if (nodeMajor(version) < MIN_NODE) {
            throw new Unavailable("Lab 11 runs a DynamoDB emulator (dynalite) on Node.js " + MIN_NODE + " or newer, "
                    + "and 'node' here is " + version + ". " + HOW_TO_GET_NODE);
        }
        install(toolFolder);
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return launch(node, script, toolFolder, started);
            } catch (Unavailable e) {
                failures.add("attempt " + attempt + ": " + e.getMessage());
            }
        }
        throw new Unavailable("The DynamoDB emulator (" + node + " " + script + ") did not start:\n  "
                + String.join("\n  ", failures));
    }

    /**
     * One start: the port is chosen here and handed to the launcher, readiness is a TCP connection that succeeds,
     * and the emulator's output goes to a log file. Nothing depends on reading the child's output pipe (a start
     * once hung there under concurrent process starts, with the emulator alive and silent).
     */
    private static DynamoDbEmulator launch(String node, Path script, Path toolFolder, long started) {
        int port = freePort();
        Path log;
        Process process;
        try {
            log = Files.createTempFile("pglabs-dynalite-", ".log");
            log.toFile().deleteOnExit();  // close() deletes it; this is for a JVM ended by a signal, even mid-start
            process = new ProcessBuilder(node, script.toString(), Integer.toString(port))
                    .directory(toolFolder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new Unavailable("Could not start the DynamoDB emulator with " + node + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new Unavailable("it exited (code " + process.exitValue() + "), saying:\n" + tail(read(log)));
                }
                if (answers(port)) {
                    return new DynamoDbEmulator(process, port, log,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
                Thread.sleep(POLL_MILLIS);
            }
            throw new Unavailable("no answer on port " + port + " within " + START_LIMIT.toSeconds() + " s"
                    + (read(log).isBlank() ? "" : "; it said:\n" + tail(read(log))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while the DynamoDB emulator was starting", e);
        } catch (Unavailable e) {
            process.destroyForcibly();
            deleteQuietly(log);
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new Unavailable("No free port on this machine for the DynamoDB emulator: " + e.getMessage(), e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A small log in the temporary folder.
        }
    }

    /** The URL to give the AWS SDK ({@code endpointOverride}); any region and any credentials are accepted. */
    public URI endpoint() {
        return endpoint;
    }

    /** How long {@link #start} took, install check included (reported by benchmarks and the notebook). */
    public long startMillis() {
        return startMillis;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stopProcess();
        deleteQuietly(log);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs (or ran) anyway.
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();   // the launcher exits when its stdin ends
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code npm ci} in the tool folder unless the pinned dynalite is there, under a file lock so that two JVMs
     * (Surefire forks, a grading CLI) do not install at once.
     */
    private static void install(Path toolFolder) {
        if (installed(toolFolder)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(toolFolder.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            if (installed(toolFolder)) {
                return;
            }
            String npm = executable("npm");
            if (!works(npm, "--version")) {
                throw new Unavailable("Lab 11 installs its DynamoDB emulator (dynalite) with npm, and 'npm' was not "
                        + "found. " + HOW_TO_GET_NODE);
            }
            System.err.println("pglabs: installing the DynamoDB emulator (dynalite, from the npm registry) into "
                    + toolFolder + " …");
            Process npmCi = new ProcessBuilder(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(toolFolder.toFile()).redirectErrorStream(true).start();
            CompletableFuture<String> log = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(npmCi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.getMessage();
                }
            });
            if (!npmCi.waitFor(INSTALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                npmCi.destroyForcibly();
                throw new Unavailable("Installing the DynamoDB emulator with npm took more than "
                        + INSTALL_LIMIT.toMinutes() + " minutes (is the npm registry reachable?). Run '"
                        + INSTALL_COMMAND + "' in the course folder, then grade again.");
            }
            if (npmCi.exitValue() != 0 || !installed(toolFolder)) {
                throw new Unavailable("Installing the DynamoDB emulator with npm failed (exit " + npmCi.exitValue()
                        + "):\n" + tail(log.join()) + "\nRun '" + INSTALL_COMMAND + "' in the course folder to see "
                        + "why, then grade again.");
            }
        } catch (IOException e) {
            throw new Unavailable("Could not install the DynamoDB emulator into " + toolFolder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while installing the DynamoDB emulator", e);
        }
    }

    private static boolean installed(Path toolFolder) {
        return Files.isRegularFile(toolFolder.resolve("node_modules/dynalite/package.json"))
                && Files.isDirectory(toolFolder.resolve("node_modules/memory-level"));
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())).indent(2).stripTrailing();
    }

    /** npm is npm.cmd on Windows; ProcessBuilder does not add the extension by itself. */
    private static String executable(String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows && name.equals("npm") ? "npm.cmd" : name;
    }

    private static boolean works(String command, String... args) {
        return output(command, args) != null;
    }

    /** What the command prints (trimmed), or null when it cannot run or fails. */
    private static String output(String command, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? text.strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The major version of {@code node --version} ("v20.11.1" is 20); 0 when it cannot be read. */
    static int nodeMajor(String version) {
        Matcher m = Pattern.compile("^v?(\\d+)\\.").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The emulator cannot run on this machine (no Node.js, no npm, install failed): the message says what to do. */
    public static final class Unavailable extends ProvisioningException {
        public Unavailable(String message) {
            super(message, null);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
