package dev.pglabs.javasub;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists every member a compiled class uses: calls, field accesses, and method handles (method references and
 * lambdas' targets, which the compiler turns into bootstrap arguments rather than calls). Reads the class file
 * only; nothing of the submission is loaded or run.
 */
final class ClassFileScanner {

    private ClassFileScanner() {
    }

    static List<CodeReference> references(byte[] classFile) {
        List<CodeReference> found = new ArrayList<>();
        new ClassReader(classFile).accept(new Scanner(found), ClassReader.SKIP_FRAMES);
        return found;
    }

    private static final class Scanner extends ClassVisitor {
        private final List<CodeReference> found;
        private String className;
        private String sourceFile;

        Scanner(List<CodeReference> found) {
            super(Opcodes.ASM9);
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name;
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    add(owner, member, desc, itf);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    add(owner, member, desc, false);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                /**
                 * The bootstrap method itself is the JDK's plumbing for lambdas, string concatenation and records;
                 * its arguments hold what the code really refers to ({@code System::exit}).
                 */
                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                    for (Object arg : args) {
                        constant(arg);
                    }
                }

                private void constant(Object value) {
                    if (value instanceof Handle handle) {
                        add(handle.getOwner(), handle.getName(), handle.getDesc(), handle.isInterface());
                    } else if (value instanceof ConstantDynamic dynamic) {
                        add(dynamic.getBootstrapMethod().getOwner(), dynamic.getBootstrapMethod().getName(),
                                dynamic.getBootstrapMethod().getDesc(), false);
                        for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                            constant(dynamic.getBootstrapMethodArgument(i));
                        }
                    }
                }

                private void add(String owner, String member, String desc, boolean itf) {
                    found.add(new CodeReference(owner, member, desc, itf, className, sourceFile, line));
                }
            };
        }
    }
}
