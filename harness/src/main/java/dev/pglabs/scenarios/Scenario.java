package dev.pglabs.scenarios;

import com.github.difflib.patch.Patch;
import dev.pglabs.provisioning.ScratchFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One golden or hostile scenario (format in graders/src/test/resources/golden/README.md): a folder holding an
 * {@code expected.json}, whole files under {@code <lab>/} laid over the base, and optionally a {@code changes.diff}
 * against files of the base. The submission it stands for is the base's lab folder, less the files it removes, with
 * its files on top and its diff applied.
 */
public record Scenario(String name, String lab, Path folder, ScenarioFile file) {

    @Override
    public String toString() {
        return lab + "/" + name + " (" + file.description() + ")";
    }

    /**
     * Every scenario under {@code root}: its sub-folders that hold an expected.json (the hostile corpus), and those
     * of its lab folders (the golden corpus, {@code <lab>/<scenario>/}), in name order.
     */
    public static List<Scenario> under(Path root) {
        List<Scenario> all = new ArrayList<>();
        for (Path child : folders(root)) {
            if (Files.isRegularFile(child.resolve(ScenarioFile.NAME))) {
                all.add(load(child, null));
            } else {
                for (Path scenario : folders(child)) {
                    all.add(load(scenario, child.getFileName().toString()));
                }
            }
        }
        return all;
    }

    /**
     * @param lab the lab the scenario belongs to (its golden folder's name), or null to take it from the scenario's
     *            files (a hostile case: its one lab folder, or the lab its diff changes)
     */
    public static Scenario load(Path folder, String lab) {
        String name = folder.getFileName().toString();
        ScenarioFile file = ScenarioFile.read(folder.resolve(ScenarioFile.NAME));
        TreeSet<String> labs = new TreeSet<>();
        folders(folder).forEach(d -> labs.add(d.getFileName().toString()));
        diffs(folder).keySet().forEach(p -> labs.add(p.substring(0, Math.max(0, p.indexOf('/')))));
        if (lab == null && labs.size() != 1) {
            throw new IllegalArgumentException(name + ": a scenario changes the files of exactly one lab, not " + labs);
        }
        String theLab = lab == null ? labs.first() : lab;
        if (!labs.isEmpty() && !labs.equals(new TreeSet<>(List.of(theLab)))) {
            throw new IllegalArgumentException(name + ": its files belong in " + theLab + "/, not " + labs);
        }
        return new Scenario(name, theLab, folder, file);
    }

    /** The scenario's whole files, as paths inside the lab folder, in name order. */
    public List<String> files() {
        Path overlay = folder.resolve(lab);
        if (!Files.isDirectory(overlay)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(overlay)) {
            return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> overlay.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario's diffs, by path inside the lab folder. */
    public Map<String, Patch<String>> diffs() {
        Map<String, Patch<String>> out = new LinkedHashMap<>();
        diffs(folder).forEach((path, patch) -> out.put(path.substring(lab.length() + 1), patch));
        return out;
    }

    /** The base's lab folder in the course at {@code home}. */
    public Path base(Path home) {
        return file.base().labFolder(home, lab);
    }

    /** Makes the submission in {@code target} (the lab folder to grade, made if missing) and returns it. */
    public Path materialise(Path home, Path target) {
        Path base = base(home);
        try {
            ScratchFolders.copyTree(base, target);
            for (String removed : file.remove()) {
                if (!Files.deleteIfExists(target.resolve(removed))) {
                    throw new IllegalArgumentException(name + " removes " + removed + ", which " + base + " lacks");
                }
            }
            if (Files.isDirectory(folder.resolve(lab))) {
                ScratchFolders.copyTree(folder.resolve(lab), target);
            }
            for (Map.Entry<String, Patch<String>> diff : diffs().entrySet()) {
                Path original = base.resolve(diff.getKey());
                if (!Files.isRegularFile(original)) {
                    throw new IllegalArgumentException(name + ": " + ScenarioDiff.NAME + " changes "
                            + diff.getKey() + ", which " + base + " lacks");
                }
                Files.write(target.resolve(diff.getKey()), ScenarioDiff.apply(diff.getValue(),
                        Files.readAllBytes(original), name + ": " + diff.getKey()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with the scenario's files against its base: a whole file identical to the base's, a file the base
     * lacks that is not listed as {@code new} (or listed and in the base), a file both whole and diffed, a removed file
     * the base lacks or the scenario gives. Empty when all is well.
     */
    public List<String> problems(Path home) {
        Path base = base(home);
        List<String> problems = new ArrayList<>();
        List<String> files = files();
        Map<String, Patch<String>> diffs = diffs();
        for (String f : files) {
            Path original = base.resolve(f);
            boolean inBase = Files.exists(original, LinkOption.NOFOLLOW_LINKS);
            if (inBase && file.added().contains(f)) {
                problems.add(f + " is listed as new, but the base has it");
            } else if (!inBase && !file.added().contains(f)) {
                problems.add(f + " is not a file of the base (" + base + "): a typo, or list it in \"new\"");
            } else if (inBase && sameBytes(original, folder.resolve(lab).resolve(f))) {
                problems.add(f + " is identical to the base's: leave it out");
            }
            if (diffs.containsKey(f)) {
                problems.add(f + " is both a whole file and in " + ScenarioDiff.NAME);
            }
            if (file.remove().contains(f)) {
                problems.add(f + " is both removed and given");
            }
        }
        file.added().stream().filter(f -> !files.contains(f))
                .forEach(f -> problems.add(f + " is listed as new, but the scenario has no such file"));
        file.remove().stream().filter(f -> !Files.exists(base.resolve(f), LinkOption.NOFOLLOW_LINKS))
                .forEach(f -> problems.add(f + " is removed, but the base has no such file"));
        diffs.keySet().stream().filter(file.remove()::contains)
                .forEach(f -> problems.add(f + " is both removed and in " + ScenarioDiff.NAME));
        return problems.stream().map(p -> name + ": " + p).toList();
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(b, LinkOption.NOFOLLOW_LINKS)
                    && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Patch<String>> diffs(Path folder) {
        Path diff = folder.resolve(ScenarioDiff.NAME);
        return Files.isRegularFile(diff) ? ScenarioDiff.read(diff) : Map.of();
    }

    private static List<Path> folders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
