package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.ShellScript;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.core.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Build tooling in the final image: system packages that are compilers, build systems, headers or JDKs installed by
 * a RUN of the final image (and not removed in the same RUN), or a final image built on a toolchain image.
 */
public final class PLM_DF_018 implements DockerfileRule {
    /** Docker Hub toolchain images (last path component), whatever the tag. */
    private static final Set<String> TOOLCHAIN_IMAGES = Set.of("golang", "rust", "maven", "gradle", "gcc",
            "buildpack-deps", "sbt", "clojure", "haskell", "swift");

    @Override
    public String id() {
        return "PLM-DF-018";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        FinalImageStages finalImage = FinalImageStages.of(context.dockerfile());
        List<String> extraPackages = context.settings().strings("buildToolPackages");
        List<String> extraImages = context.settings().strings("buildToolImages");
        finalImage.root().ifPresent(root -> toolchainImage(context, finalImage, root, extraImages, out));
        for (RunInstruction run : context.instructions(RunInstruction.class, false)) {
            if (!finalImage.contains(run)) {
                continue;
            }
            List<ShellScript> scripts = context.scripts(run);
            List<BuildTools.Install> installs = BuildTools.installs(scripts);
            if (installs.isEmpty()) {
                continue;
            }
            BuildTools.Removals removals = null;
            Set<String> tools = new LinkedHashSet<>();
            for (BuildTools.Install install : installs) {
                if (install.manager().equals("pip")) {
                    continue;
                }
                for (String name : install.names()) {
                    if (BuildTools.isBuildTool(name, extraPackages)) {
                        if (removals == null) {
                            removals = BuildTools.removals(scripts);
                        }
                        if (!removals.removes(install, name)) {
                            tools.add(name);
                        }
                    }
                }
            }
            if (!tools.isEmpty()) {
                String list = String.join(", ", tools);
                out.report(run, "RUN installs build tools into the final image (" + list + "); build in a separate"
                        + " stage and copy only the artefacts, or remove them in the same RUN", list);
            }
        }
    }

    private static void toolchainImage(LintContext context, FinalImageStages finalImage, Stage root,
                                       List<String> extraImages, RuleSink out) {
        Optional<BaseImagePolicy.BaseImage> base = BaseImagePolicy.of(root);
        if (base.isEmpty()) {
            return;
        }
        ImageReference ref = base.get().reference();
        String last = ref.repository().substring(ref.repository().lastIndexOf('/') + 1);
        String tag = ref.tag().orElse("").toLowerCase(Locale.ROOT);
        boolean hub = ref.registry().equals(ImageReference.DOCKER_HUB);
        String why = null;
        if (hub && ref.repository().startsWith("library/") && TOOLCHAIN_IMAGES.contains(last)
                && !(last.equals("buildpack-deps") && (tag.endsWith("curl") || tag.endsWith("scm")))) {
            why = "a toolchain image";
        } else if (isJdkTag(tag) || (hub && last.equals("openjdk") && !tag.contains("jre"))) {
            why = "a JDK image";
        } else if (ref.repository().endsWith("dotnet/sdk") || ref.repository().endsWith("dotnet/core/sdk")) {
            why = "the .NET SDK image";
        } else if (!extraImages.isEmpty() && BaseImagePolicy.matchesAny(ref, extraImages)) {
            why = "a toolchain image (plimsoll.buildToolImages)";
        } else if (hub && last.equals("node") && !finalImage.isMultiStage() && runsNpmBuild(context, root)) {
            why = "node, and the single stage builds the application";
        }
        if (why != null) {
            out.report(root.from(), "The final image is built on " + base.get().describe() + ", " + why
                    + ": compilers and build tools ship with it; build in a separate stage and copy the artefacts"
                    + " into a runtime image", base.get().written());
        }
    }

    private static boolean isJdkTag(String tag) {
        for (String part : tag.split("[-_.]")) {
            if (part.equals("jdk") || (part.startsWith("jdk") && part.length() > 3
                    && Character.isDigit(part.charAt(3)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsNpmBuild(LintContext context, Stage stage) {
        for (var instruction : stage.instructions()) {
            if (instruction instanceof RunInstruction run) {
                for (ShellScript script : context.scripts(run)) {
                    for (SimpleCommand c : script.commands("npm", "yarn", "pnpm")) {
                        if (c.hasSubcommand("run", "build") || c.hasSubcommand("build")) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
