package dev.paymon.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;

/**
 * Reads one class for {@link ProblemTypeUses}: follows each method's instructions, remembering the string literal or
 * {@code HttpStatus} constant pushed right before a call of {@code of} or {@code forStatus}.
 */
final class ProblemTypeScan extends ClassVisitor {

    private static final String HTTP_STATUS = "org/springframework/http/HttpStatus";

    private final String owner;
    private final Set<String> names;
    private final Set<String> statuses;
    private final List<String> computed;
    private final Set<String> statusesNamed = new TreeSet<>();
    private String className;
    private boolean computesStatus;

    /**
     * @param owner    the internal name of the class of {@code of} and {@code forStatus}
     * @param computed where {@code of} is called with a computed name, added to
     */
    ProblemTypeScan(String owner, Set<String> names, Set<String> statuses, List<String> computed) {
        super(SpringAsmInfo.ASM_VERSION);
        this.owner = owner;
        this.names = names;
        this.statuses = statuses;
        this.computed = computed;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name.replace('/', '.');
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        return new Instructions(className + "." + name);
    }

    @Override
    public void visitEnd() {
        if (computesStatus) {
            statuses.addAll(statusesNamed);
        }
    }

    private final class Instructions extends MethodVisitor {

        private final String where;
        /** The string literal, or the {@code HttpStatus} constant, the last instruction pushed; else null. */
        private String literal;
        private String status;

        Instructions(String where) {
            super(SpringAsmInfo.ASM_VERSION);
            this.where = where;
        }

        private void other() {
            literal = null;
            status = null;
        }

        @Override
        public void visitLdcInsn(Object value) {
            other();
            if (value instanceof String text) {
                literal = text;
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            other();
            if (opcode == Opcodes.GETSTATIC && fieldOwner.equals(HTTP_STATUS)) {
                statusesNamed.add(name);
                status = name;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor,
                                    boolean isInterface) {
            if (methodOwner.equals(owner) && name.equals("of")) {
                if (literal != null) {
                    names.add(literal);
                } else {
                    computed.add(where);
                }
            } else if (methodOwner.equals(owner) && name.equals("forStatus")) {
                if (status != null) {
                    statuses.add(status);
                } else {
                    computesStatus = true;
                }
            }
            other();
        }

        /** A method reference to {@code of} or {@code forStatus}: its argument is computed. */
        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle && handle.getOwner().equals(owner)) {
                    if (handle.getName().equals("of")) {
                        computed.add(where);
                    } else if (handle.getName().equals("forStatus")) {
                        computesStatus = true;
                    }
                }
            }
            other();
        }

        @Override
        public void visitInsn(int opcode) {
            other();
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            other();
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            other();
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            other();
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            other();
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            other();
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            other();
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            other();
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            other();
        }
    }
}
