package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.ExpectedResults;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.HiddenNotRun;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the repository students get from the instructors' one: everything that builds pglabs and grades the labs,
 * without {@code solutions/}, without the hidden checks' code (each lab's "hiddenGrader" file) and without their
 * data (the {@code hidden*} datasets' own files and each lab's "hiddenFiles"), without the course's own tests and
 * CI. Its course.json is marked as a student release and records how many hidden checks each lab has, so that
 * {@code pglabs grade} can still say so there.
 *
 * <p>Nor does it hold the graders' reference answers (the {@value ReferenceAnswer#FOLDER} folders beside the grader
 * classes). In their place it holds what the visible checks compare with: {@code release} grades {@code solutions/}
 * with the checks that compare with a reference ({@link SqlCheck}), keeps every reference's result on the visible
 * data, and writes them to {@value ExpectedResults#FOLDER}. Such a check that solutions/ does not pass stops the release.
 */
final class StudentRelease {

    /** What of the course a student copy holds (paths from the course root); everything else stays out. */
    static final List<String> INCLUDED = List.of("pom.xml", "pglabs", "pglabs.cmd", ".mvn", ".gitignore",
            ".devcontainer", "docker-compose.yml", "README.md", "labs", "datasets", "harness/pom.xml",
            "harness/src/main", "graders/pom.xml", "graders/src/main", "cli/pom.xml", "cli/src/main",
            "docs/notebooks.md", "docs/results-json.md",
            // Lab 11's DynamoDB emulator: its pinned npm package and launcher (node_modules is installed on first use).
            "tools/dynalite/package.json", "tools/dynalite/package-lock.json", "tools/dynalite/start.js");
    /** The GitHub Classroom workflow goes where GitHub runs it. */
    static final String CLASSROOM_WORKFLOW = "classroom/github-classroom/classroom.yml";
    static final String WORKFLOW_TARGET = ".github/workflows/classroom.yml";
    /** Markdown between these markers (e.g. the instructors' part of the README) is left out of the release. */
    private static final Pattern OMITTED = Pattern.compile(
            "[ \\t]*<!-- release:omit -->.*?<!-- /release:omit -->[ \\t]*\\R?", Pattern.DOTALL);

    /** What was written: file count, what was left out, hidden checks per lab. */
    record Summary(int files, List<String> leftOut, Map<String, HiddenNotRun> hiddenChecks,
                   Map<String, Integer> expectedResults) {
    }

    private final Course course;
    private final Path home;

    StudentRelease(Course course) {
        this.course = course;
        this.home = course.home();
    }

    /** Why the release cannot be written to {@code out}, or null. */
    String unusable(Path out) throws IOException {
        if (course.studentRelease()) {
            return "this is already a student release; write releases from the instructors' repository.";
        }
        if (home.startsWith(out)) {
            return out + " holds the course itself; choose a new or empty folder elsewhere.";
        }
        if (out.startsWith(home)) {
            Path first = home.relativize(out).getName(0);
            if (INCLUDED.stream().anyMatch(i -> Path.of(i).getName(0).equals(first))) {
                return out + " lies inside " + first + "/, which the release copies; choose a folder outside it.";
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return out + " is a file, not a folder.";
        }
        if (Files.isDirectory(out)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
                if (entries.iterator().hasNext()) {
                    return out + " exists and is not empty; choose a new or empty folder (nothing was written).";
                }
            }
        }
        return null;
    }

    Summary write(Path out, Optional<ProviderKind> provider) throws IOException {
        Set<Path> leftOut = hiddenPaths();
        for (Path hidden : leftOut) {
            if (!Files.exists(hidden)) {
                throw new IllegalStateException("course.json names " + home.relativize(hidden) + " as hidden, but it "
                        + "does not exist; fix course.json.");
            }
        }
        requireNoReferenceToHiddenGraders();
        // Before anything is written: a reference that does not give solutions/ full marks stops the release.
        ExpectedResults expected = recordExpectedResults(provider);
        Files.createDirectories(out);
        int files = 0;
        for (String included : INCLUDED) {
            Path source = home.resolve(included);
            if (Files.exists(source)) {
                files += copyTree(source, out, leftOut);
            }
        }
        Path workflow = home.resolve(CLASSROOM_WORKFLOW);
        if (Files.isRegularFile(workflow)) {
            copy(workflow, out.resolve(WORKFLOW_TARGET));
            files++;
        }
        expected.writeTo(out);
        Map<String, Integer> stored = new LinkedHashMap<>();
        expected.recordedLabs().forEach(lab -> stored.put(lab, expected.recordedCount(lab)));
        files += stored.size();
        Map<String, HiddenNotRun> hidden = new LinkedHashMap<>();
        Files.writeString(out.resolve(Course.MANIFEST), releaseManifest(hidden), StandardCharsets.UTF_8);
        List<String> left = new ArrayList<>(List.of("solutions/", "the graders' reference answers (graders/src/main/"
                + "resources/**/" + ReferenceAnswer.FOLDER + "/)", "the course's tests (*/src/test) and CI (.ci/)",
                "docs for instructors", "the Gradescope scripts"));
        leftOut.stream().map(p -> home.relativize(p).toString().replace('\\', '/')).sorted().forEach(left::add);
        return new Summary(files + 1, left, hidden, stored);
    }

    /**
     * Grades solutions/ with the visible checks that compare with a reference (those that take an {@link SqlCheck}) of
     * the labs whose grader has references, keeping each reference's result. Every one of these checks must pass.
     */
    private ExpectedResults recordExpectedResults(Optional<ProviderKind> provider) {
        List<Lab> labs = course.labs().stream().filter(this::hasReferences).toList();
        if (labs.isEmpty()) {
            return ExpectedResults.recording();
        }
        if (!Files.isDirectory(course.solutionsDir())) {
            throw new IllegalStateException("The release stores the results of the graders' reference answers, "
                    + "computed by grading solutions/, and " + course.solutionsDir() + " is missing.");
        }
        try (GradingSession session = GradingSession.open(course, new Submission(course.solutionsDir()), provider)) {
            ExpectedResults recorder = session.recordExpectedResults();
            SubmissionResult result = new GradingRunner(CheckScope.VISIBLE).labsAtOnce(2)
                    .onlyChecks(StudentRelease::comparesWithReference).grade(session, labs, GradingProgress.SILENT);
            List<String> failing = new ArrayList<>();
            for (LabResult lab : result.labs()) {
                for (CheckResult check : lab.checks()) {
                    if (check.status() != CheckStatus.PASSED) {
                        failing.add(lab.id() + " " + check.id() + ": "
                                + check.feedback().lines().findFirst().orElse(check.status().toString()));
                    }
                }
            }
            if (!failing.isEmpty()) {
                throw new IllegalStateException("solutions/ fails checks whose expected results the release stores, "
                        + "so the release would be wrong (nothing was written; 'pglabs verify' shows more):\n  "
                        + String.join("\n  ", failing));
            }
            return recorder;
        }
    }

    /** A check that compares with a reference takes an {@link SqlCheck}. */
    static boolean comparesWithReference(Method check) {
        return Arrays.asList(check.getParameterTypes()).contains(SqlCheck.class);
    }

    private boolean hasReferences(Lab lab) {
        String pkg = lab.grader().substring(0, lab.grader().lastIndexOf('.'));
        return Files.isDirectory(home.resolve(REFERENCES_ROOT).resolve(pkg.replace('.', '/'))
                .resolve(ReferenceAnswer.FOLDER));
    }

    /** Where the graders' resources, and so their reference folders, are. */
    private static final String REFERENCES_ROOT = "graders/src/main/resources";

    /** The hidden checks' classes and the files only hidden checks use. */
    private Set<Path> hiddenPaths() {
        Set<String> visibleData = new HashSet<>();
        Set<String> hiddenData = new HashSet<>();
        for (Lab lab : course.labs()) {
            lab.datasets().forEach((name, scripts) -> (Lab.isHiddenDataset(name) ? hiddenData : visibleData).addAll(scripts));
        }
        Set<Path> paths = new TreeSet<>();
        hiddenData.stream().filter(s -> !visibleData.contains(s))
                .forEach(s -> paths.add(home.resolve("datasets").resolve(s).normalize()));
        for (Lab lab : course.labs()) {
            lab.hiddenFiles().forEach(f -> paths.add(home.resolve(f).normalize()));
            if (lab.hiddenGrader() != null) {
                paths.add(sourceOf(lab.hiddenGrader()));
            }
        }
        return paths;
    }

    private Path sourceOf(String className) {
        return home.resolve("graders/src/main/java").resolve(className.replace('.', '/') + ".java");
    }

    /** The graders must compile without the hidden classes: refuse a release where another file names one. */
    private void requireNoReferenceToHiddenGraders() throws IOException {
        Path graders = home.resolve("graders/src/main/java");
        for (Lab lab : course.labs()) {
            if (lab.hiddenGrader() == null) {
                continue;
            }
            Path own = sourceOf(lab.hiddenGrader());
            String simpleName = lab.hiddenGrader().substring(lab.hiddenGrader().lastIndexOf('.') + 1);
            Pattern word = Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b");
            try (Stream<Path> walk = Files.walk(graders)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java") && !p.equals(own)).toList()) {
                    if (word.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                        throw new IllegalStateException(home.relativize(file) + " refers to " + simpleName + ", the "
                                + "hidden checks of lab " + lab.folder() + ", which the release leaves out: the graders "
                                + "would not compile there. Only the hidden class itself may name it.");
                    }
                }
            }
        }
    }

    private String releaseManifest(Map<String, HiddenNotRun> hidden) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) mapper.readTree(home.resolve(Course.MANIFEST).toFile());
        root.put("studentRelease", true);
        for (JsonNode node : (ArrayNode) root.get("labs")) {
            ObjectNode lab = (ObjectNode) node;
            Lab model = course.lab(lab.get("id").asText());
            // Counted before the hidden code goes: the student's grade says how many hidden checks exist.
            HiddenNotRun count = GradingRunner.hiddenChecksOf(model);
            hidden.put(model.folder(), count);
            ObjectNode datasets = (ObjectNode) lab.get("datasets");
            if (datasets != null) {
                for (Iterator<String> names = datasets.fieldNames(); names.hasNext(); ) {
                    if (Lab.isHiddenDataset(names.next())) {
                        names.remove();
                    }
                }
            }
            lab.remove(List.of("hiddenGrader", "hiddenFiles"));
            ObjectNode counted = lab.putObject("hiddenChecks");
            counted.put("checks", count.checks());
            counted.put("points", count.points());
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private int copyTree(Path source, Path out, Set<Path> leftOut) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !skipped(home.relativize(p), leftOut, p)).toList();
        }
        for (Path file : files) {
            Path target = out.resolve(home.relativize(file).toString());
            if (file.getFileName().toString().endsWith(".md")) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, withoutOmitted(Files.readString(file, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            } else {
                copy(file, target);
            }
        }
        return files.size();
    }

    /** Build output, editor state, the hidden files and the references; dot folders only where INCLUDED names them. */
    private static boolean skipped(Path relative, Set<Path> leftOut, Path absolute) {
        if (leftOut.contains(absolute.normalize())) {
            return true;
        }
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".idea") || name.equals(".vscode") || name.equals(".pglabs")) {
                return true;
            }
        }
        // The graders' reference answers: their results on the visible data take their place.
        return relative.startsWith(Path.of(REFERENCES_ROOT)) && relative.getParent() != null
                && relative.getParent().getFileName().toString().equals(ReferenceAnswer.FOLDER);
    }

    static String withoutOmitted(String markdown) {
        return OMITTED.matcher(markdown).replaceAll("");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
