package dev.plimsoll.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

@Command(name = "plimsoll", mixinStandardHelpOptions = true, versionProvider = PlimsollCommand.Version.class,
        description = "Container security across build, ship and run: the line an image must stay above.",
        subcommands = {ImageCommand.class, SbomCommand.class, RootfsCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  scan complete, nothing failed", "  1  findings failed the policy",
                "  2  wrong command line", "  3  the input could not be read (missing, corrupt or hostile)",
                "  4  report written but incomplete (the report lists what could not be read)",
                "  5  internal error"})
final class PlimsollCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version the build wrote into version.properties. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"plimsoll " + version()};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = PlimsollCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                return "unknown";
            }
            return p.getProperty("version", "unknown");
        }
    }
}
