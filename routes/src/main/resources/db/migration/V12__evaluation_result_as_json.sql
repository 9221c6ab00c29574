-- Issue 8: an evaluation version's result is kept as the exact text that was hashed into
-- result_sha256 (type json: checked to be JSON on the way in, stored and returned as given), not
-- as jsonb, which PostgreSQL re-builds on the way in (key order, spaces) and re-writes on the way
-- out. The result is only ever stored and read whole (the claim check of the outbox reads it for
-- every message), so jsonb's operators were never used; its input and output cost 80 us of
-- database CPU per 16 KB version. Versions stored before this migration keep jsonb's rendering.
alter table evaluation alter column result type json using result::json;
