package dev.plimsoll.check.dockerfile.syntax;

/**
 * One Dockerfile instruction. Switch over the permitted records for instruction-specific data; what all of them share
 * is in {@link #source()}.
 */
public sealed interface Instruction permits ArgInstruction, CmdInstruction, FileTransfer,
        EntrypointInstruction, EnvInstruction, ExposeInstruction, FromInstruction, HealthcheckInstruction,
        LabelInstruction, MaintainerInstruction, OnbuildInstruction, RunInstruction, ShellInstruction,
        StopsignalInstruction, UnknownInstruction, UserInstruction, VolumeInstruction, WorkdirInstruction {

    InstructionSource source();

    default Keyword keyword() {
        return source().keyword();
    }

    /** The keyword as written, e.g. {@code from} or {@code Run}. */
    default String keywordAsWritten() {
        return source().keywordAsWritten();
    }

    default int line() {
        return source().range().startLine();
    }

    default int column() {
        return source().range().startColumn();
    }

    default int endLine() {
        return source().range().endLine();
    }

    default SourcePosition position() {
        return source().range().start();
    }

    default Flags flags() {
        return source().flags();
    }

    /** The raw argument text after the flags. */
    default String arguments() {
        return source().arguments();
    }
}
