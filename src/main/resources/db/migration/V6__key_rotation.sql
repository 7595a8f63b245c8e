-- Progress of re-encrypting the encrypted columns after a key rotation, one row per column, so
-- that a stopped run resumes where it stopped. The keys themselves are never in the database.
--
-- primary_key_id is the Tink key id (an unsigned 32-bit number) the run moves values to; a row
-- for another key id is stale (the keyset was rotated again) and the column starts over.
-- last_id is the internal id of the last row done (NULL: none yet); finished marks a column
-- whose every row up to the end was done for that key.

CREATE TABLE key_rotation_progress (
    table_name      VARCHAR(63) NOT NULL,
    column_name     VARCHAR(63) NOT NULL,
    primary_key_id  BIGINT      NOT NULL,
    last_id         BIGINT,
    finished        BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (table_name, column_name)
);
