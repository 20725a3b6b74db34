package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code pglabs gradescope-autograder}: writes the zip a Gradescope "programming assignment" takes. It holds
 * {@code setup.sh} and {@code run_autograder} (from classroom/gradescope/), the labs to grade, and the course
 * sources that build pglabs on Gradescope's image — graders, hidden checks and their data included, solutions and
 * build output left out.
 */
@Command(name = "gradescope-autograder",
        description = "Write the Gradescope autograder zip (setup.sh, run_autograder and the course) for some labs.")
final class GradescopeAutograderCommand implements Callable<Integer> {

    /** Where the course sources go inside the zip (Gradescope unpacks it to /autograder/source). */
    static final String COURSE_DIR = "pglabs";
    static final String ENV_FILE = "pglabs-autograder.env";
    /** What of the course the autograder needs; everything else (solutions/, target/, tests, dot files) stays out. */
    private static final List<String> INCLUDED = List.of("pom.xml", "pglabs", "course.json", "datasets", "labs",
            "harness/pom.xml", "harness/src/main", "graders/pom.xml", "graders/src/main", "cli/pom.xml", "cli/src/main",
            "tools/dynalite/package.json", "tools/dynalite/package-lock.json", "tools/dynalite/start.js");

    @Parameters(paramLabel = "LAB", arity = "0..*", description = "Labs the assignment grades. Default: all labs.")
    List<String> labs = List.of();

    @picocli.CommandLine.Mixin
    SandboxOptions sandbox;

    @Option(names = "--out", paramLabel = "ZIP", defaultValue = "pglabs-autograder.zip",
            description = "The zip to write. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        if (course.hiddenChecksUnavailable().isPresent()) {
            System.err.println("pglabs: gradescope-autograder (the autograder runs the hidden checks) is for instructors and cannot run here. "
                    + course.hiddenChecksUnavailable().get());
            return Main.CANNOT_GRADE;
        }
        Path templates = course.home().resolve("classroom").resolve("gradescope");
        for (String script : List.of("setup.sh", "run_autograder")) {
            if (!Files.isRegularFile(templates.resolve(script))) {
                System.err.println("pglabs: " + templates.resolve(script) + " is missing; it is part of the course "
                        + "repository (restore it from version control).");
                return Main.CANNOT_GRADE;
            }
        }
        Path zip = out.toAbsolutePath().normalize();
        Files.createDirectories(zip.getParent());
        Files.deleteIfExists(zip);
        String env = "# Written by pglabs gradescope-autograder: the labs this assignment grades.\n"
                + "PGLABS_LABS=\"" + String.join(" ", selected.stream().map(Lab::id).toList()) + "\"\n"
                + "PGLABS_LAB_FOLDERS=\"" + String.join(" ", selected.stream().map(Lab::folder).toList()) + "\"\n"
                // Gradescope's own container is one per submission; without bubblewrap inside it, the instructor
                // decides whether that is enough for Java labs.
                + "PGLABS_SANDBOX_FLAGS=\"" + (sandbox.unsafeNoSandbox ? "--unsafe-no-sandbox" : "") + "\"\n";
        int files;
        // The JDK's zip file system stores POSIX permissions: run_autograder must be executable.
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            copy(templates.resolve("setup.sh"), fs.getPath("/setup.sh"), true);
            copy(templates.resolve("run_autograder"), fs.getPath("/run_autograder"), true);
            Files.writeString(fs.getPath("/" + ENV_FILE), env, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(fs.getPath("/" + ENV_FILE), PosixFilePermissions.fromString("rw-r--r--"));
            files = 3;
            for (String included : INCLUDED) {
                Path source = course.home().resolve(included);
                if (Files.exists(source)) {
                    files += copyTree(course.home(), source, fs.getPath("/" + COURSE_DIR));
                }
            }
        }
        System.out.println("Wrote " + zip + " (" + files + " files, " + Files.size(zip) / 1024 + " KiB) for labs "
                + String.join(", ", selected.stream().map(Lab::folder).toList()) + ".");
        System.out.println("Upload it in Gradescope: assignment → Configure Autograder → Zip file upload "
                + "(base image: Ubuntu 22.04 or newer). See docs/instructors.md.");
        return 0;
    }

    private static int copyTree(Path home, Path source, Path targetRoot) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).filter(p -> !skipped(home.relativize(p))).forEach(files::add);
        }
        for (Path file : files) {
            String relative = home.relativize(file).toString().replace('\\', '/');
            copy(file, targetRoot.resolve(relative), Files.isExecutable(file));
        }
        return files.size();
    }

    /** Dot files (editor and VCS state) and build output. */
    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".") || part.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    private static void copy(Path from, Path to, boolean executable) {
        try {
            if (to.getParent() != null) {
                Files.createDirectories(to.getParent());
            }
            Files.copy(from, to);
            Set<PosixFilePermission> mode = PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
            Files.setPosixFilePermissions(to, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not add " + from + " to the zip: " + e.getMessage(), e);
        }
    }
}
