import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step, run on the shaded jar: rewrites class files older than Java 6 (picocli ships Java 5 ones) as Java 8
 * class files with stack maps. The JDK's ahead-of-time cache skips old class files ("Old class has been linked"),
 * so without this every start-up parses, verifies with the old verifier and interprets picocli afresh, about a
 * third of a short command's wall time. The bytecode is unchanged; stack maps are computed by the JDK's class-file
 * API, and every rewritten class is then loaded and linked, so a wrong stack map fails the build, not a user's run.
 *
 * <p>usage: java UpgradeOldClassFiles.java JAR (rewritten in place)
 */
public final class UpgradeOldClassFiles {
    private static final int FIRST_VERSION_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;
    private static final int TARGET_VERSION = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeOldClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".upgrading");
        List<String> upgraded = new ArrayList<>();
        try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClassFile classFile = ClassFile.of(
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(hierarchy))),
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS, ClassFile.ConstantPoolSharingOption.NEW_POOL);
            try (InputStream in = Files.newInputStream(jar);
                    ZipInputStream zin = new ZipInputStream(in);
                    OutputStream out = Files.newOutputStream(rewritten);
                    ZipOutputStream zout = new ZipOutputStream(out)) {
                for (ZipEntry entry; (entry = zin.getNextEntry()) != null; ) {
                    byte[] bytes = zin.readAllBytes();
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                        ClassModel model = classFile.parse(bytes);
                        if (model.majorVersion() < FIRST_VERSION_WITH_STACK_MAPS) {
                            bytes = upgrade(classFile, model);
                            upgraded.add(model.thisClass().asInternalName().replace('/', '.'));
                        }
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    zout.putNextEntry(copy);
                    zout.write(bytes);
                    zout.closeEntry();
                }
            }
        }
        verify(rewritten, upgraded);
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeOldClassFiles: " + upgraded.size() + " class files rewritten as Java 8 in " + jar);
    }

    private static byte[] upgrade(ClassFile classFile, ClassModel model) {
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        // Passing every instruction through a code builder makes the API emit each method anew, with stack maps.
        return classFile.transformClass(model, newVersion.andThen(
                ClassTransform.transformingMethodBodies((code, instruction) -> code.with(instruction))));
    }

    /** Loads and initialises each rewritten class, which links it: the verifier checks the new stack maps. */
    private static void verify(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (VerifyError | ClassFormatError e) {
                    Files.deleteIfExists(jar);
                    throw new IllegalStateException("rewritten class " + name + " does not verify: " + e, e);
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    // Initialisation may need what a build has not (a terminal, optional classes): not a stack map
                    // problem, and the class has been verified by then.
                }
            }
        }
    }
}
