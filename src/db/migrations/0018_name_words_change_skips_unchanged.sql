-- An UPDATE fires its statement trigger even when it changed no row, and a member import sends one
-- a batch (the people it corrects, usually none). With no name changed, the DELETE below was still
-- run, planned with the statistics of before the import (an empty word table): it scanned every
-- word row once per batch, 27 ms a batch at 140,000 people on PostgreSQL and growing with the
-- register, so a large import slowed down quadratically. Nothing to do now returns at once.
CREATE OR REPLACE FUNCTION person_name_words_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                 WHERE (o.name_folded, o.sort_key) IS DISTINCT FROM (n.name_folded, n.sort_key)) THEN
    RETURN NULL;
  END IF;
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
