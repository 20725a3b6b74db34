package dev.pglabs.graders;

import dev.pglabs.worker.StudentTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convention the worker's classpath relies on: only the graders' {@code sandboxed} packages are visible to
 * student code, so every task lives there, and nothing there reaches into the rest of the graders (reference
 * answers, hidden checks), which would also fail in the worker with NoClassDefFoundError.
 */
@DisplayName("Tasks that run beside student code live in sandboxed packages and use nothing else of the graders")
class SandboxedConventionTest {

    private static final Path CLASSES = Path.of(StudentTaskHolder.location());

    @Test
    @DisplayName("every StudentTask of the graders is in a sandboxed package")
    void tasksLiveInSandboxedPackages() throws Exception {
        List<String> outside = new ArrayList<>();
        for (String name : classNames()) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (StudentTask.class.isAssignableFrom(type) && !name.contains(".sandboxed.")) {
                outside.add(name);
            }
        }
        assertThat(outside).as("StudentTask classes outside a sandboxed package (the worker cannot load them)").isEmpty();
    }

    @Test
    @DisplayName("sandboxed classes refer to no grader class outside sandboxed packages")
    void sandboxedClassesStayInside() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String name : classNames()) {
            if (!name.contains(".sandboxed.")) {
                continue;
            }
            for (String used : referencedClasses(CLASSES.resolve(name.replace('.', '/') + ".class"))) {
                if (used.startsWith("dev/pglabs/graders/") && !used.contains("/sandboxed/")) {
                    violations.add(name + " uses " + used.replace('/', '.'));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<String> classNames() throws IOException {
        Path root = CLASSES.resolve("dev/pglabs/graders");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p).toString().replace('\\', '/'))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    /** The classes a class file extends, implements, creates, calls or reads from. */
    private static Set<String> referencedClasses(Path classFile) throws IOException {
        Set<String> used = new TreeSet<>();
        MethodVisitor code = new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
                used.add(owner);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                used.add(owner);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                used.add(type);
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                    used.add(type.getInternalName());
                }
            }
        };
        new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                if (superName != null) {
                    used.add(superName);
                }
                used.addAll(List.of(interfaces));
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return code;
            }
        }, 0);
        return used;
    }

    /** Where the graders' main classes are (target/classes under Maven). */
    static final class StudentTaskHolder {
        static String location() {
            try {
                return Path.of(Class.forName("dev.pglabs.graders.lab01.Lab01SqlBasicsGrader").getProtectionDomain()
                        .getCodeSource().getLocation().toURI()).toString();
            } catch (URISyntaxException | ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
