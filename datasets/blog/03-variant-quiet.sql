-- Blog dataset: Lab 03's second hidden variant, for exercise 06 only ("a post without comments counts 0").
-- Applied ON TOP of schema.sql + data.sql. Only two published posts keep their comments, so the three most
-- commented posts include one without any: COUNT(*) over the outer join counts it 1, and an inner (or right)
-- join leaves it out. The other variant cannot show this and keep its four-way tie at the LIMIT boundary
-- (found by ./pglabs dev mutants 03).
DELETE FROM comments WHERE post_id NOT IN (43, 104);
