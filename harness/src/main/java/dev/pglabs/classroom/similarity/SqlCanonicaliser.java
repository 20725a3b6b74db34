package dev.pglabs.classroom.similarity;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rewrites a parsed statement in place so that spellings that do not change the query look the same: table
 * aliases become the table's own name (a second use of a table gets {@code name_2}), sub-query and CTE names
 * are numbered by position, identifiers lose quotes and case, literals become placeholders, the operands of
 * AND/OR chains, =, &lt;&gt;, + and * are sorted, and a query whose joins are all inner joins lists its tables
 * in sorted order with every join condition moved into WHERE. One instance per statement: it remembers the aliases it renamed.
 */
final class SqlCanonicaliser extends ExpressionVisitorAdapter<Void> {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Integer> uses = new HashMap<>();
    private int subqueries;

    /** Canonicalises {@code statement} in place; statements other than queries and DML are only deparsed. */
    void statement(Statement statement) {
        if (statement instanceof Select select) {
            select(select);
        } else if (statement instanceof Insert insert) {
            table(insert.getTable());
            if (insert.getSelect() != null) {
                select(insert.getSelect());
            }
        } else if (statement instanceof Update update) {
            table(update.getTable());
            joins(update.getJoins());
            if (update.getUpdateSets() != null) {
                for (UpdateSet set : update.getUpdateSets()) {
                    set.getColumns().forEach(this::expression);
                    set.getValues().forEach(this::expression);
                }
            }
            expression(update.getWhere());
        } else if (statement instanceof Delete delete) {
            table(delete.getTable());
            expression(delete.getWhere());
        } else if (statement instanceof CreateView view) {
            select(view.getSelect());
        }
    }

    private void select(Select select) {
        if (select == null) {
            return;
        }
        if (select.getWithItemsList() != null) {
            for (WithItem<?> with : select.getWithItemsList()) {
                if (with.getAlias() != null) {
                    String canonical = "cte" + (names.size() + 1);
                    names.put(plain(with.getAlias().getName()), canonical);
                    with.getAlias().setName(canonical);
                }
                select(with.getSelect());
            }
        }
        if (select instanceof PlainSelect plain) {
            boolean inner = onlyInnerJoins(plain.getJoins());
            from(plain.getFromItem());
            joins(plain.getJoins());
            for (SelectItem<?> item : plain.getSelectItems()) {
                expression(item.getExpression());
                if (item.getAlias() != null) {  // output names are set by the task: kept, only case and quotes go
                    item.getAlias().setName(plain(item.getAlias().getName()));
                    item.getAlias().setUseAs(true);
                }
            }
            expression(plain.getWhere());
            if (plain.getGroupBy() != null && plain.getGroupBy().getGroupByExpressionList() != null) {
                plain.getGroupBy().getGroupByExpressionList().forEach(e -> expression((Expression) e));
            }
            expression(plain.getHaving());
            if (inner) {
                poolInnerJoins(plain);
            }
        } else if (select instanceof SetOperationList union) {
            union.getSelects().forEach(this::select);
        } else if (select instanceof ParenthesedSelect parenthesed) {
            select(parenthesed.getSelect());
        }
        if (select.getOrderByElements() != null) {
            for (OrderByElement order : select.getOrderByElements()) {
                expression(order.getExpression());
                if (order.isAsc()) {
                    order.setAscDescPresent(false);  // ASC is the default
                }
            }
        }
    }

    /** True when every join is an inner join with ON, or a comma: then the order of the tables does not matter. */
    private static boolean onlyInnerJoins(List<Join> joins) {
        if (joins == null || joins.isEmpty()) {
            return false;
        }
        for (Join j : joins) {
            if (j.isLeft() || j.isRight() || j.isFull() || j.isOuter() || j.isCross() || j.isNatural() || j.isSemi()
                    || j.isApply() || j.isStraight() || j.isWindowJoin() || !empty(j.getUsingColumns())
                    || (!j.isSimple() && j.getOnExpressions().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rewrites {@code FROM a JOIN b ON x WHERE y} as {@code FROM a, b WHERE x AND y} with the tables and the
     * conditions sorted: the same inner join, however its tables are ordered or its conditions placed.
     */
    private static void poolInnerJoins(PlainSelect plain) {
        List<FromItem> items = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        items.add(plain.getFromItem());
        for (Join join : plain.getJoins()) {
            items.add(join.getFromItem());
            join.getOnExpressions().forEach(on -> conjuncts(on, conditions));
        }
        conjuncts(plain.getWhere(), conditions);
        items.sort(Comparator.comparing(Object::toString));
        conditions.sort(Comparator.comparing(Object::toString));
        plain.setFromItem(items.get(0));
        List<Join> joins = new ArrayList<>();
        for (FromItem item : items.subList(1, items.size())) {
            Join join = new Join();
            join.setSimple(true);
            join.setFromItem(item);
            joins.add(join);
        }
        plain.setJoins(joins);
        Expression where = null;
        for (Expression condition : conditions) {
            Expression operand = condition instanceof OrExpression ? new ParenthesedExpressionList<>(condition) : condition;
            where = where == null ? operand : new AndExpression(where, operand);
        }
        plain.setWhere(where);
    }

    private static void conjuncts(Expression e, List<Expression> into) {
        if (e instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), into);
            conjuncts(and.getRightExpression(), into);
        } else if (e != null) {
            into.add(e);
        }
    }

    private void joins(List<Join> joins) {
        if (joins == null) {
            return;
        }
        for (Join join : joins) {
            join.setInner(false);  // JOIN and INNER JOIN, LEFT JOIN and LEFT OUTER JOIN are the same join
            join.setOuter(false);
            from(join.getFromItem());  // every alias is known before any ON condition
        }
        joins.forEach(join -> join.getOnExpressions().forEach(this::expression));
    }

    private void from(FromItem item) {
        if (item instanceof Table table) {
            table(table);
        } else if (item instanceof ParenthesedSelect sub) {
            select(sub.getSelect());
            rename(sub.getAlias(), sub::setAlias, "sub" + ++subqueries);
        }
    }

    private void table(Table table) {
        if (table == null) {
            return;
        }
        String name = plain(table.getName());
        name = names.getOrDefault(name, name);
        table.setName(name);
        int use = uses.merge(name, 1, Integer::sum);
        if (table.getAlias() != null && use == 1 && empty(table.getAlias().getAliasColumns())) {
            names.put(plain(table.getAlias().getName()), name);  // FROM posts p is FROM posts
            table.setAlias(null);
        } else {
            rename(table.getAlias(), table::setAlias, use == 1 ? name : name + "_" + use);
        }
    }

    /** Maps an alias to its canonical name; an alias equal to the table's own name is dropped altogether. */
    private void rename(Alias alias, Consumer<Alias> setter, String canonical) {
        if (alias == null) {
            return;
        }
        names.put(plain(alias.getName()), canonical);
        if (empty(alias.getAliasColumns())) {
            setter.accept(new Alias(canonical, true));
        } else {
            alias.setName(canonical);
        }
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private void expression(Expression expression) {
        if (expression != null) {
            expression.accept(this, null);
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        if (column.getTable() != null && column.getTable().getName() != null) {
            String qualifier = plain(column.getTable().getName());
            column.getTable().setName(names.getOrDefault(qualifier, qualifier));
        }
        column.setColumnName(plain(column.getColumnName()));
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        select(select);
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        select(select);
        return null;
    }

    @Override
    public <S> Void visit(StringValue value, S context) {
        value.setValue("?");
        return null;
    }

    @Override
    public <S> Void visit(LongValue value, S context) {
        value.setStringValue("0");
        return null;
    }

    @Override
    public <S> Void visit(DoubleValue value, S context) {
        value.setValue(0.0);
        return null;
    }

    /**
     * Every binary operator passes here. A chain of one commutative operator ({@code a AND b AND c}) is handled
     * at its top, all at once: its operands are canonicalised, then sorted (each rendered once), so a long chain
     * costs n log n, not n squared.
     */
    @Override
    protected <S> Void visitBinaryExpression(BinaryExpression e, S context) {
        if (e instanceof AndExpression || e instanceof OrExpression || e instanceof Addition
                || e instanceof Multiplication) {
            List<BinaryExpression> owners = new ArrayList<>();
            List<Boolean> lefts = new ArrayList<>();
            List<Expression> operands = new ArrayList<>();
            collect(e, e.getClass(), owners, lefts, operands);
            operands.forEach(this::expression);
            List<Map.Entry<String, Expression>> sorted = new ArrayList<>();
            operands.forEach(o -> sorted.add(Map.entry(o.toString(), o)));
            sorted.sort(Map.Entry.comparingByKey());
            for (int i = 0; i < sorted.size(); i++) {
                if (lefts.get(i)) {
                    owners.get(i).setLeftExpression(sorted.get(i).getValue());
                } else {
                    owners.get(i).setRightExpression(sorted.get(i).getValue());
                }
            }
        } else {
            super.visitBinaryExpression(e, context);
            if ((e instanceof EqualsTo || e instanceof NotEqualsTo)
                    && e.getLeftExpression().toString().compareTo(e.getRightExpression().toString()) > 0) {
                Expression left = e.getLeftExpression();
                e.setLeftExpression(e.getRightExpression());
                e.setRightExpression(left);
            }
        }
        return null;
    }

    private static void collect(BinaryExpression node, Class<? extends BinaryExpression> operator,
                                List<BinaryExpression> owners, List<Boolean> lefts, List<Expression> operands) {
        for (boolean left : new boolean[] {true, false}) {
            Expression child = left ? node.getLeftExpression() : node.getRightExpression();
            if (child.getClass() == operator) {
                collect((BinaryExpression) child, operator, owners, lefts, operands);
            } else {
                owners.add(node);
                lefts.add(left);
                operands.add(child);
            }
        }
    }

    /** An identifier as PostgreSQL compares it, near enough: no quotes, lower case. */
    static String plain(String identifier) {
        if (identifier == null) {
            return null;
        }
        String s = identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")
                ? identifier.substring(1, identifier.length() - 1) : identifier;
        return s.toLowerCase(Locale.ROOT);
    }
}
