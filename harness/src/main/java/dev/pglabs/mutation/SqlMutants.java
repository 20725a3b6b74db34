package dev.pglabs.mutation;

import dev.pglabs.sql.SqlScript;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.UnionOp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mistakes students make, applied one at a time to a reference answer: each mutant is the reference with
 * exactly one change (a comparison's bound, AND/OR, a dropped predicate, a join's kind, DISTINCT, a count or an
 * aggregate, the ordering, LIMIT, a NULL test). A check that gives a mutant full marks cannot tell that mistake
 * from the right answer on its data. Each mutant says which rows would tell it apart, for the author's variant data.
 */
public final class SqlMutants {

    /** Statements longer than this are not mutated: a generated dataset is not an answer. */
    private static final int MAX_STATEMENT_LENGTH = 20_000;

    private static final Map<String, String> SWAPPED_AGGREGATES = Map.of(
            "sum", "avg", "avg", "sum", "min", "max", "max", "min");

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "string_agg", "array_agg", "json_agg", "jsonb_agg");

    private SqlMutants() {
    }

    /**
     * The mutants of a file of SQL statements: each is the whole file with one statement changed. A statement the
     * parser cannot read is left alone (and listed in {@link Result#unparsed()}).
     */
    public static Result of(String fileText) {
        List<Mutant> mutants = new ArrayList<>();
        List<String> unparsed = new ArrayList<>();
        List<SqlScript.Statement> statements = SqlScript.split(fileText);
        for (int s = 0; s < statements.size(); s++) {
            SqlScript.Statement statement = statements.get(s);
            String code = SqlScript.withoutComments(statement.sql());
            if (code.isEmpty() || code.length() > MAX_STATEMENT_LENGTH) {
                continue;
            }
            Statement parsed = parse(code);
            if (parsed == null) {
                unparsed.add("line " + statement.line());
                continue;
            }
            String original = parsed.toString();
            Set<String> texts = new LinkedHashSet<>(List.of(original));
            int sites = candidates(parsed).size();
            for (int k = 0; k < sites; k++) {
                Statement fresh = parse(code);
                Candidate candidate = candidates(fresh).get(k);
                candidate.apply().run();
                String text = fresh.toString();
                if (texts.add(text)) {
                    mutants.add(new Mutant(candidate.operator(), candidate.change(), candidate.killedBy(),
                            statement.line(), replace(fileText, statements, s, text), text));
                }
            }
        }
        return new Result(mutants, unparsed);
    }

    /**
     * The file as the parser writes it back, without a change: a check must still pass it, or the mutants of this
     * file say nothing about the check (the parser changed the meaning, not the mutation).
     */
    public static String roundTrip(String fileText) {
        StringBuilder out = new StringBuilder();
        for (SqlScript.Statement statement : SqlScript.split(fileText)) {
            String code = SqlScript.withoutComments(statement.sql());
            Statement parsed = code.isEmpty() || code.length() > MAX_STATEMENT_LENGTH ? null : parse(code);
            out.append(parsed == null ? statement.sql() : parsed.toString()).append(";\n");
        }
        return out.toString();
    }

    /** The mutants of one file, and the statements the parser could not read. */
    public record Result(List<Mutant> mutants, List<String> unparsed) {
    }

    private static Statement parse(String sql) {
        try {
            return CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
    }

    /** The file with statement {@code index} replaced by {@code text}; the other statements as written. */
    private static String replace(String fileText, List<SqlScript.Statement> statements, int index, String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            out.append(i == index ? text : statements.get(i).sql()).append(";\n");
        }
        return out.toString();
    }

    private record Candidate(String operator, String change, String killedBy, Runnable apply) {
    }

    /** Every mutation this statement allows, in the walk's order (the same for every parse of the same text). */
    private static List<Candidate> candidates(Statement statement) {
        List<Candidate> found = new ArrayList<>();
        List<String> columns = columnsOf(statement);
        AstWalk.walk(statement, (node, slot) -> found.addAll(at(node, slot, columns)));
        return found;
    }

    private static List<String> columnsOf(Statement statement) {
        Set<String> columns = new LinkedHashSet<>();
        AstWalk.walk(statement, (node, slot) -> {
            if (node instanceof Column column) {
                columns.add(column.toString());
            }
        });
        return new ArrayList<>(columns);
    }

    private static List<Candidate> at(Object node, AstWalk.Slot slot, List<String> columns) {
        List<Candidate> c = new ArrayList<>();
        if (node instanceof ComparisonOperator cmp) {
            comparison(cmp, slot, c);
        } else if (node instanceof AndExpression and) {
            Expression l = and.getLeftExpression();
            Expression r = and.getRightExpression();
            c.add(new Candidate("and-or", and + "  →  " + l + " OR " + r,
                    "a row that meets one of the conditions but not the other", () -> slot.set(new OrExpression(l, r))));
            c.add(new Candidate("drop-predicate", "drop " + r, "a row that meets " + l + " but not " + r,
                    () -> slot.set(l)));
            c.add(new Candidate("drop-predicate", "drop " + l, "a row that meets " + r + " but not " + l,
                    () -> slot.set(r)));
        } else if (node instanceof OrExpression or) {
            Expression l = or.getLeftExpression();
            Expression r = or.getRightExpression();
            c.add(new Candidate("and-or", or + "  →  " + l + " AND " + r,
                    "a row that meets only one of the conditions", () -> slot.set(new AndExpression(l, r))));
            c.add(new Candidate("drop-predicate", "drop " + r, "a row that meets " + r + " but not " + l,
                    () -> slot.set(l)));
            c.add(new Candidate("drop-predicate", "drop " + l, "a row that meets " + l + " but not " + r,
                    () -> slot.set(r)));
        } else if (node instanceof Between between && !between.isNot()) {
            Expression x = between.getLeftExpression();
            Expression from = between.getBetweenExpressionStart();
            Expression to = between.getBetweenExpressionEnd();
            c.add(new Candidate("bound", between + "  →  upper bound excluded", "a row where " + x + " = " + to,
                    () -> slot.set(new AndExpression(new GreaterThanEquals().withLeftExpression(x).withRightExpression(from),
                            new MinorThan().withLeftExpression(x).withRightExpression(to)))));
            c.add(new Candidate("bound", between + "  →  lower bound excluded", "a row where " + x + " = " + from,
                    () -> slot.set(new AndExpression(new GreaterThan().withLeftExpression(x).withRightExpression(from),
                            new MinorThanEquals().withLeftExpression(x).withRightExpression(to)))));
        } else if (node instanceof IsNullExpression isNull) {
            c.add(new Candidate("null-test", isNull + "  →  " + (isNull.isNot() ? "IS NULL" : "IS NOT NULL"),
                    "rows where " + isNull.getLeftExpression() + " is NULL and rows where it is not",
                    () -> isNull.setNot(!isNull.isNot())));
        } else if (node instanceof LikeExpression like && !like.isNot()) {
            boolean ilike = like.getLikeKeyWord() == LikeExpression.KeyWord.ILIKE;
            c.add(new Candidate("letter-case", like + "  →  " + (ilike ? "LIKE" : "ILIKE"),
                    "a row whose " + like.getLeftExpression() + " matches " + like.getRightExpression()
                            + " only in another letter case",
                    () -> like.setLikeKeyWord(ilike ? LikeExpression.KeyWord.LIKE : LikeExpression.KeyWord.ILIKE)));
        } else if (node instanceof NotExpression not) {
            c.add(new Candidate("drop-not", not + "  →  " + not.getExpression(),
                    "rows on both sides of " + not.getExpression(), () -> slot.set(not.getExpression())));
        } else if (node instanceof Function function) {
            function(function, columns, c);
        } else if (node instanceof PlainSelect select) {
            select(select, c);
        } else if (node instanceof Join join && !join.isSimple() && !join.isCross() && !join.isNatural()) {
            join(join, c);
        } else if (node instanceof UnionOp union) {
            c.add(new Candidate("union", union.isAll() ? "UNION ALL  →  UNION" : "UNION  →  UNION ALL",
                    "a row that both sides return, or a duplicate within one side",
                    () -> union.setAll(!union.isAll())));
        }
        return c;
    }

    private static void comparison(ComparisonOperator cmp, AstWalk.Slot slot, List<Candidate> c) {
        Expression l = cmp.getLeftExpression();
        Expression r = cmp.getRightExpression();
        String boundary = "a row where " + l + " = " + r;
        if (cmp instanceof GreaterThan) {
            add(c, "bound", cmp, new GreaterThanEquals(), l, r, slot, boundary);
        } else if (cmp instanceof GreaterThanEquals) {
            add(c, "bound", cmp, new GreaterThan(), l, r, slot, boundary);
        } else if (cmp instanceof MinorThan) {
            add(c, "bound", cmp, new MinorThanEquals(), l, r, slot, boundary);
        } else if (cmp instanceof MinorThanEquals) {
            add(c, "bound", cmp, new MinorThan(), l, r, slot, boundary);
        } else if (cmp instanceof EqualsTo) {
            add(c, "comparison", cmp, new NotEqualsTo(), l, r, slot, "rows where " + l + " differs from " + r);
        } else if (cmp instanceof NotEqualsTo) {
            add(c, "comparison", cmp, new EqualsTo(), l, r, slot, boundary);
        }
    }

    private static void add(List<Candidate> c, String operator, ComparisonOperator from, ComparisonOperator to,
                            Expression l, Expression r, AstWalk.Slot slot, String killedBy) {
        to.setLeftExpression(l);
        to.setRightExpression(r);
        c.add(new Candidate(operator, from + "  →  " + to, killedBy, () -> slot.set(to)));
    }

    private static void function(Function function, List<String> columns, List<Candidate> c) {
        String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
        if (name.equals("count")) {
            ExpressionList<?> parameters = function.getParameters();
            boolean star = function.isAllColumns() || parameters != null && parameters.size() == 1
                    && parameters.get(0) instanceof AllColumns;
            if (star) {
                for (String column : columns.subList(0, Math.min(2, columns.size()))) {
                    c.add(new Candidate("count", "count(*)  →  count(" + column + ")",
                            "a counted row where " + column + " is NULL", () -> {
                        function.setAllColumns(false);
                        function.setParameters(new ExpressionList<>(new Column(column)));
                    }));
                }
            } else if (parameters != null && parameters.size() == 1) {
                String argument = String.valueOf(parameters.get(0));
                c.add(new Candidate("count", function + "  →  count(*)", "a counted row where " + argument + " is NULL",
                        () -> {
                            function.setDistinct(false);
                            function.setParameters(new ExpressionList<>(new AllColumns()));
                        }));
                c.add(new Candidate("count", function + "  →  " + (function.isDistinct() ? "without" : "with")
                        + " DISTINCT", "two counted rows with the same " + argument,
                        () -> function.setDistinct(!function.isDistinct())));
            }
        } else if (SWAPPED_AGGREGATES.containsKey(name) && function.getParameters() != null) {
            String other = SWAPPED_AGGREGATES.get(name);
            c.add(new Candidate("aggregate", function.getName() + "  →  " + other,
                    "a group whose values differ (" + name + " and " + other + " then disagree)",
                    () -> function.setName(other)));
        }
    }

    private static void select(PlainSelect select, List<Candidate> c) {
        if (select.getDistinct() != null) {
            c.add(new Candidate("distinct", "DISTINCT dropped", "two rows the query would return twice",
                    () -> select.setDistinct(null)));
        } else if (select.getGroupBy() == null && !aggregatesOnly(select)) {
            c.add(new Candidate("distinct", "DISTINCT added", "two result rows that are equal",
                    () -> select.setDistinct(new Distinct())));
        }
        List<OrderByElement> order = select.getOrderByElements();
        if (order != null && !order.isEmpty()) {
            for (OrderByElement key : order) {
                c.add(new Candidate("order", "ORDER BY " + key.getExpression() + " "
                        + (key.isAsc() ? "ASC  →  DESC" : "DESC  →  ASC"),
                        "rows that differ in " + key.getExpression(), () -> key.setAsc(!key.isAsc())));
            }
            for (int i = 0; i < order.size() && order.size() > 1; i++) {
                int index = i;
                OrderByElement key = order.get(i);
                c.add(new Candidate("order", "ORDER BY key " + key.getExpression() + " dropped",
                        "rows that tie on the keys before " + key.getExpression() + " and differ in it",
                        () -> order.remove(index)));
            }
            c.add(new Candidate("order", "ORDER BY dropped", "rows stored in another order than the one asked for",
                    () -> select.setOrderByElements(null)));
        }
        Limit limit = select.getLimit();
        if (limit != null && limit.getRowCount() instanceof LongValue count) {
            long n = count.getValue();
            c.add(new Candidate("limit", "LIMIT " + n + "  →  " + (n + 1), "more than " + n + " rows that qualify",
                    () -> limit.setRowCount(new LongValue(n + 1))));
            if (n > 1) {
                c.add(new Candidate("limit", "LIMIT " + n + "  →  " + (n - 1), n + " or more rows that qualify",
                        () -> limit.setRowCount(new LongValue(n - 1))));
            }
        }
    }

    /** A select of aggregates without GROUP BY returns one row: DISTINCT cannot change it. */
    private static boolean aggregatesOnly(PlainSelect select) {
        boolean[] aggregate = {false};
        for (var item : select.getSelectItems()) {
            AstWalk.walk(item, (node, slot) -> {
                if (node instanceof Function f && f.getName() != null
                        && AGGREGATES.contains(f.getName().toLowerCase(Locale.ROOT))) {
                    aggregate[0] = true;
                }
            });
        }
        return aggregate[0];
    }

    private static void join(Join join, List<Candidate> c) {
        String right = String.valueOf(join.getRightItem());
        if (join.isLeft()) {
            c.add(new Candidate("join", "LEFT JOIN " + right + "  →  JOIN", "a row with no match in " + right,
                    () -> {
                        join.setLeft(false);
                        join.setOuter(false);
                        join.setInner(true);
                    }));
            c.add(new Candidate("join", "LEFT JOIN " + right + "  →  RIGHT JOIN",
                    "a row with no match in " + right + ", and a row of " + right + " with no match",
                    () -> {
                        join.setLeft(false);
                        join.setRight(true);
                    }));
        } else if (!join.isRight() && !join.isFull()) {
            c.add(new Candidate("join", "JOIN " + right + "  →  LEFT JOIN", "a row with no match in " + right,
                    () -> {
                        join.setInner(false);
                        join.setLeft(true);
                    }));
        }
    }
}
