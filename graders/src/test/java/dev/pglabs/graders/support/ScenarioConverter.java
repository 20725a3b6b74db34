package dev.pglabs.graders.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.scenarios.Scenario;
import dev.pglabs.scenarios.ScenarioBase;
import dev.pglabs.scenarios.ScenarioDiff;
import dev.pglabs.scenarios.ScenarioFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Brings a scenario into the scenario format (golden/README.md) in the fewest files: it makes the submission the
 * scenario stands for, in whatever form it is (the format itself, a golden folder holding a whole submission, a
 * golden {@code "overlay": "solutions"}, a hostile case on {@code "base": "solution"}), and writes it back as the
 * files that differ from the base: a diff where that is shorter than the file and restores it byte for byte, the
 * whole file otherwise (byte-level fixtures always). Checks the base already gives ({@code passed} on the solution)
 * are left out of expected.json. Running it again changes nothing; it checks that the scenario written makes
 * exactly the same submission.
 */
public final class ScenarioConverter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path home;
    private final Path scratch;

    /** @param scratch an empty folder for the submissions it makes */
    public ScenarioConverter(Path home, Path scratch) {
        this.home = home;
        this.scratch = scratch;
    }

    /**
     * Converts one scenario folder in place.
     *
     * @param lab    the lab (golden: the parent folder's name), or null for a hostile case (its one lab folder)
     * @param golden whether a folder without a base is a golden whole submission (else a hostile case on the solution)
     * @return whether anything changed
     */
    public boolean convert(Path folder, String lab, boolean golden) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(folder.resolve(ScenarioFile.NAME).toFile());
        String name = folder.getFileName().toString();
        boolean whole = golden && !json.has("base") && !json.path("overlay").asText("").equals("solutions");
        if (!json.has("base") || json.path("base").asText().equals("solution")) {
            json.put("base", ScenarioBase.SOLUTIONS.key());
        }
        json.remove("overlay");
        json.put("description", json.path("description").asText(name));
        dropBaseResults(json);
        String theLab = lab != null ? lab : onlyLab(folder);
        Scenario old = new Scenario(name, theLab, folder, ScenarioFile.of(json, folder.toString()));

        Path made = scratch.resolve(name + "-" + System.nanoTime()).resolve(theLab);
        if (whole) {
            ScratchFolders.copyTree(folder.resolve(theLab), made);
        } else {
            old.materialise(home, made);
        }
        Map<String, byte[]> before = files(folder);

        Path base = old.base(home);
        Map<String, byte[]> submission = files(made);
        Map<String, byte[]> original = files(base);
        List<String> remove = original.keySet().stream().filter(f -> !submission.containsKey(f)).toList();
        List<String> added = new ArrayList<>();
        List<String> diff = new ArrayList<>();
        Map<String, byte[]> wholeFiles = new TreeMap<>();
        submission.forEach((path, bytes) -> {
            byte[] from = original.get(path);
            if (from == null) {
                added.add(path);
                wholeFiles.put(path, bytes);
            } else if (!Arrays.equals(from, bytes)) {
                Optional<List<String>> unified = ScenarioDiff.diff(theLab + "/" + path, from, bytes);
                long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();
                if (unified.isPresent() && unified.get().size() - 2 < lines) {
                    diff.addAll(unified.get());
                } else {
                    wholeFiles.put(path, bytes);
                }
            }
        });

        ScratchFolders.deleteTree(folder.resolve(theLab));
        Files.deleteIfExists(folder.resolve(ScenarioDiff.NAME));
        for (Map.Entry<String, byte[]> f : wholeFiles.entrySet()) {
            Path target = folder.resolve(theLab).resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        if (!diff.isEmpty()) {
            Files.writeString(folder.resolve(ScenarioDiff.NAME), String.join("\n", diff) + "\n");
        }
        old.file().withFiles(remove, added).write(folder.resolve(ScenarioFile.NAME));

        Scenario now = Scenario.load(folder, lab);
        if (!now.problems(home).isEmpty()) {
            throw new IllegalStateException("converted " + folder + " has problems: " + now.problems(home));
        }
        Path again = now.materialise(home, scratch.resolve(name + "-again-" + System.nanoTime()).resolve(theLab));
        if (!sameFiles(files(again), submission)) {
            throw new IllegalStateException("converted " + folder + " no longer makes the same submission");
        }
        return !sameFiles(before, files(folder));
    }

    /** Removes the checks listed with the result the base gives every unlisted check, and their phrases. */
    private static void dropBaseResults(ObjectNode json) {
        ScenarioBase base = ScenarioBase.of(json.path("base").asText());
        ObjectNode phrases = json.path("feedbackContains").isObject() ? (ObjectNode) json.get("feedbackContains") : null;
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!ScenarioFile.SETTINGS.contains(field.getKey()) && base.passes()
                    && field.getValue().isTextual() && field.getValue().asText().equals("passed")) {
                it.remove();
                if (phrases != null) {
                    phrases.remove(field.getKey());
                }
            }
        }
        if (phrases != null && phrases.isEmpty()) {
            json.remove("feedbackContains");
        }
    }

    private static String onlyLab(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            List<String> labs = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            if (labs.size() == 1) {
                return labs.get(0);
            }
        }
        return Scenario.load(folder, null).lab();
    }

    /** Every file of a folder (links as their target's name), by relative path. */
    private static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                out.put(root.relativize(p).toString(), Files.isSymbolicLink(p)
                        ? ("link:" + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }
}
