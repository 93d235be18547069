package dev.plimsoll.check.dockerfile.syntax;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A build stage: a FROM and the instructions up to the next FROM (the FROM itself is {@link #from()}, not in
 * {@link #instructions()}). The base is resolved as BuildKit does: the image word expanded with the global ARGs, then
 * matched case-insensitively against the names of earlier stages, or {@code scratch}.
 */
public final class Stage {
    private final int index;
    private final Optional<String> name;
    private final FromInstruction from;
    private final Expansion baseImage;
    private final OptionalInt baseStageIndex;
    private final Optional<Expansion> platform;
    private final List<Instruction> instructions;
    private final VariableScope scope;
    private final Expander expander;
    private final Map<Instruction, Integer> positions = new IdentityHashMap<>();

    Stage(int index, Optional<String> name, FromInstruction from, Expansion baseImage, OptionalInt baseStageIndex,
            Optional<Expansion> platform, List<Instruction> instructions, VariableScope scope, Expander expander) {
        this.index = index;
        this.name = name;
        this.from = from;
        this.baseImage = baseImage;
        this.baseStageIndex = baseStageIndex;
        this.platform = platform;
        this.instructions = List.copyOf(instructions);
        this.scope = scope;
        this.expander = expander;
        for (int i = 0; i < this.instructions.size(); i++) {
            Instruction instruction = this.instructions.get(i);
            positions.put(instruction, i);
            if (instruction instanceof OnbuildInstruction onbuild) {
                int position = i;
                onbuild.trigger().ifPresent(trigger -> positions.put(trigger, position));
            }
        }
    }

    /** 0-based position among the stages ({@code COPY --from=0}). */
    public int index() {
        return index;
    }

    /** The {@code AS} name (expanded if it used a global ARG), as written otherwise. */
    public Optional<String> name() {
        return name;
    }

    /** True when this stage is called {@code reference} (case-insensitively) or has that index. */
    public boolean isNamed(String reference) {
        return name.map(reference::equalsIgnoreCase).orElse(false) || reference.equals(Integer.toString(index));
    }

    public FromInstruction from() {
        return from;
    }

    /** The image word as written, e.g. {@code ${BASE}:${VERSION}}. */
    public String baseImageRaw() {
        return from.image().text();
    }

    /** The image word expanded with the global ARGs. */
    public Expansion baseImage() {
        return baseImage;
    }

    /** The earlier stage this one builds on, if its base names one. */
    public OptionalInt baseStageIndex() {
        return baseStageIndex;
    }

    public boolean isBasedOnStage() {
        return baseStageIndex.isPresent();
    }

    public boolean isScratch() {
        return baseStageIndex.isEmpty() && baseImage.value().equalsIgnoreCase("scratch");
    }

    /** {@code --platform}, expanded with the global ARGs. */
    public Optional<Expansion> platform() {
        return platform;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** The last line of the stage (its last instruction, or the FROM). */
    public int endLine() {
        return instructions.isEmpty() ? from.endLine() : instructions.get(instructions.size() - 1).endLine();
    }

    /** Variables visible to {@code instruction} (before it takes effect); the FROM sees the start of the stage. */
    public Environment environmentAt(Instruction instruction) {
        if (instruction == from) {
            return environmentAtStart();
        }
        Integer index = positions.get(instruction);
        if (index != null) {
            return new Environment(scope, index, expander);
        }
        throw new IllegalArgumentException("instruction at line " + instruction.line() + " is not in stage " + this.index);
    }

    /** Variables visible before the i-th instruction of {@link #instructions()}. */
    public Environment environmentAt(int instructionIndex) {
        return new Environment(scope, instructionIndex, expander);
    }

    public Environment environmentAtStart() {
        return new Environment(scope, 0, expander);
    }

    public Environment environmentAtEnd() {
        return new Environment(scope, instructions.size(), expander);
    }

    @Override
    public String toString() {
        return "Stage " + index + name.map(n -> " " + n).orElse("") + " FROM " + baseImageRaw();
    }
}
