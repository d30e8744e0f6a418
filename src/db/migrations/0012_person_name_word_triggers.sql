-- person_name_word holds each distinct word of each person's folded name with the person's sort
-- key; name_word every word seen. Statement triggers keep both in step with person on every path
-- (the service, imports, COPY in the demo seed, erasure): one set-based statement per write, not a
-- trigger call per row, which on PGlite costs tens of microseconds a row.
CREATE FUNCTION person_name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_name_word (word, sort_key, person_id, name_folded)
  SELECT DISTINCT w, n.sort_key, n.id, n.name_folded
  FROM new_rows n, unnest(string_to_array(n.name_folded, ' ')) w WHERE w <> '';
  INSERT INTO name_word (word)
  SELECT DISTINCT w FROM new_rows n, unnest(string_to_array(n.name_folded, ' ')) w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_name_words_add AFTER INSERT ON person
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_add();
--> statement-breakpoint
CREATE FUNCTION person_name_words_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only people whose folded name or sort key changed: most updates (an import's) change neither.
  DELETE FROM person_name_word w USING old_rows o JOIN new_rows n ON n.id = o.id
  WHERE (o.name_folded, o.sort_key) IS DISTINCT FROM (n.name_folded, n.sort_key)
    AND w.word = ANY (string_to_array(o.name_folded, ' ')) AND w.sort_key = o.sort_key AND w.person_id = o.id;
  INSERT INTO person_name_word (word, sort_key, person_id, name_folded)
  SELECT DISTINCT w, n.sort_key, n.id, n.name_folded
  FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(string_to_array(n.name_folded, ' ')) w
  WHERE w <> '' AND (o.name_folded, o.sort_key) IS DISTINCT FROM (n.name_folded, n.sort_key);
  INSERT INTO name_word (word)
  SELECT DISTINCT w FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(string_to_array(n.name_folded, ' ')) w
  WHERE w <> '' AND o.name_folded IS DISTINCT FROM n.name_folded
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_name_words_change AFTER UPDATE ON person
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_change();
--> statement-breakpoint
CREATE FUNCTION person_name_words_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_name_word w USING old_rows o
  WHERE w.word = ANY (string_to_array(o.name_folded, ' ')) AND w.sort_key = o.sort_key AND w.person_id = o.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_name_words_remove AFTER DELETE ON person
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_remove();
--> statement-breakpoint
CREATE FUNCTION person_name_words_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE person_name_word;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_name_words_clear AFTER TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION person_name_words_clear();
--> statement-breakpoint
-- The words of the people already registered; the index is built once after (as 0011 defined it).
DROP INDEX person_name_word_idx;
--> statement-breakpoint
INSERT INTO person_name_word (word, sort_key, person_id, name_folded)
SELECT DISTINCT w, p.sort_key, p.id, p.name_folded
FROM person p, unnest(string_to_array(p.name_folded, ' ')) w WHERE w <> '';
--> statement-breakpoint
CREATE INDEX "person_name_word_idx" ON "person_name_word" USING btree ("word","sort_key","person_id","name_folded");
--> statement-breakpoint
INSERT INTO name_word (word) SELECT DISTINCT word FROM person_name_word ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Search picks the rarest word typed from these statistics; PGlite has no autovacuum to gather them.
ANALYZE person_name_word;
