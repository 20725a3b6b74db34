package dev.pglabs.graders;

import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.graders.support.ScenarioConverter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a test: the converter of the golden and hostile corpora to the scenario format (golden/README.md), run by
 * name ({@code -Dtest=ConvertScenarios}; its name keeps it out of the test suite). It rewrites the scenario folders
 * of the source tree in place and prints which changed; run again, it changes nothing.
 */
class ConvertScenarios {

    @Test
    void convertEveryScenario() throws IOException {
        Path home = CourseGrading.course().home();
        Path resources = home.resolve("graders/src/test/resources");
        Path scratch = Files.createTempDirectory("pglabs-convert-");
        List<String> changed = new ArrayList<>();
        int total = 0;
        try {
            ScenarioConverter converter = new ScenarioConverter(home, scratch);
            for (Path lab : folders(resources.resolve("golden"))) {
                for (Path scenario : folders(lab)) {
                    total++;
                    if (converter.convert(scenario, lab.getFileName().toString(), true)) {
                        changed.add("golden/" + lab.getFileName() + "/" + scenario.getFileName());
                    }
                }
            }
            for (Path scenario : folders(resources.resolve("hostile"))) {
                total++;
                if (converter.convert(scenario, null, false)) {
                    changed.add("hostile/" + scenario.getFileName());
                }
            }
        } finally {
            Folders.delete(scratch);
        }
        System.out.printf("ConvertScenarios: %d scenarios, %d changed%n", total, changed.size());
        changed.forEach(c -> System.out.println("  converted " + c));
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }
}
