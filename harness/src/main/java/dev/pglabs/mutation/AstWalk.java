package dev.pglabs.mutation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Visits every node of a JSqlParser statement with the place that holds it, so that a node can be replaced in
 * its parent. JSqlParser's visitors see nodes but not their parents; this walk reads the fields of the parser's
 * own classes instead, in declaration order, which is the same for every parse of the same text — the
 * {@code k}-th node of one parse is the {@code k}-th node of the next, and a mutant is made on a fresh parse.
 */
final class AstWalk {

    /** Where a node lives: a field of its parent, or an element of a list. */
    interface Slot {
        Object get();

        void set(Object replacement);
    }

    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.";
    /** The parser's own token tree: positions, not SQL, and it points back up. */
    private static final String TOKEN_PACKAGE = "net.sf.jsqlparser.parser.";

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final BiConsumer<Object, Slot> visitor;

    private AstWalk(BiConsumer<Object, Slot> visitor) {
        this.visitor = visitor;
    }

    /** Calls {@code visitor} with every node under {@code root} (the root first, with a slot that cannot be set). */
    static void walk(Object root, BiConsumer<Object, Slot> visitor) {
        AstWalk walk = new AstWalk(visitor);
        walk.visit(root, new Slot() {
            @Override
            public Object get() {
                return root;
            }

            @Override
            public void set(Object replacement) {
                throw new UnsupportedOperationException("the statement itself is mutated in place");
            }
        });
    }

    private void visit(Object node, Slot slot) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof List<?> list) {
            visitElements(list);
            return;
        }
        if (!isSqlNode(node)) {
            return;
        }
        visitor.accept(node, slot);
        // The visitor may have replaced the node; walk what the slot holds now only if it is the same node.
        if (slot.get() != node) {
            return;
        }
        for (Field field : fields(node.getClass())) {
            visit(read(field, node), new FieldSlot(field, node));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void visitElements(List<?> list) {
        List<Object> elements = new ArrayList<>(list);
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            if (element instanceof List<?> || isSqlNode(element)) {
                int index = i;
                visit(element, new Slot() {
                    @Override
                    public Object get() {
                        return list.get(index);
                    }

                    @Override
                    public void set(Object replacement) {
                        ((List) list).set(index, replacement);
                    }
                });
            }
        }
    }

    private static boolean isSqlNode(Object value) {
        if (value == null || value.getClass().isEnum()) {
            return false;
        }
        String name = value.getClass().getName();
        return name.startsWith(PARSER_PACKAGE) && !name.startsWith(TOKEN_PACKAGE);
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c.getName().startsWith(PARSER_PACKAGE); c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                        && field.getType() != String.class) {
                    field.setAccessible(true);
                    own.add(field);
                }
            }
            fields.addAll(0, own);  // a superclass's fields first: the left side before the right one
        }
        return fields;
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private record FieldSlot(Field field, Object owner) implements Slot {
        @Override
        public Object get() {
            return read(field, owner);
        }

        @Override
        public void set(Object replacement) {
            try {
                field.set(owner, replacement);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
