package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.util.concurrent.Callable;

/** {@code pglabs list}: the labs in course order. */
@Command(name = "list", description = "List the labs in course order.")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Course course = Course.locate();
        System.out.println(course.title());
        System.out.println();
        for (Lab lab : course.labs()) {
            boolean present = Files.isDirectory(course.labsDir().resolve(lab.folder()));
            System.out.printf("  %-24s %-22s %s%s%n", lab.folder(), lab.title(), lab.teaches(),
                    present ? "" : "  (folder missing)");
        }
        System.out.println();
        System.out.println("Grade a lab with: ./pglabs grade " + (course.labs().isEmpty() ? "01" : course.labs().get(0).id()));
        return 0;
    }
}
