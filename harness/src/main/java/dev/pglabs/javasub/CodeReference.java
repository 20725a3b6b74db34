package dev.pglabs.javasub;

/**
 * One use of a class member in a submission's compiled code: a call, a field access, or a method reference
 * ({@code System::exit} compiles to a handle, not a call, and is found all the same).
 *
 * @param owner      internal name of the class that declares the member, e.g. {@code java/lang/System}
 * @param member     the method or field name; {@code <init>} for a constructor
 * @param descriptor the JVM descriptor, e.g. {@code (I)V}
 * @param interfaceCall the use goes through an interface (invokeinterface, or a handle to an interface method)
 * @param inClass    internal name of the submission class that contains the use
 * @param sourceFile the source file the compiler recorded for that class, or null
 * @param line       the source line, or 0 when unknown
 */
public record CodeReference(String owner, String member, String descriptor, boolean interfaceCall, String inClass,
                            String sourceFile, int line) {

    /** How a student knows it: {@code System.exit}, {@code new Thread(…)}. */
    public String shown() {
        String simple = owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.');
        return member.equals("<init>") ? "new " + simple + "(…)" : simple + "." + member;
    }

    /** The source path below the source root: the class's package folder and the recorded file name. */
    public String sourcePath() {
        int slash = inClass.lastIndexOf('/');
        String folder = slash < 0 ? "" : inClass.substring(0, slash + 1);
        if (sourceFile != null && !sourceFile.isBlank()) {
            return folder + sourceFile;
        }
        int nested = inClass.indexOf('$', slash + 1);
        return (nested < 0 ? inClass : inClass.substring(0, nested)) + ".java";
    }
}
