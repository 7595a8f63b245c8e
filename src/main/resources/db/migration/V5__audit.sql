-- The audit trail: one row per security-relevant act (a record created, changed, voided or read
-- while restricted; an import or export; a sign-in, a failed one, a sign-out). Rows are only ever
-- inserted, by org.casebook.audit.AuditLog, never changed or removed.
--
-- The rows form a hash chain: each row's hash is the SHA-256 of the previous row's hash and of a
-- canonical encoding of its own seq and fields, so that a changed, removed, inserted or reordered
-- row breaks the chain. audit_head holds one row (id 1) with the seq and hash of the last entry;
-- every append locks it, which orders concurrent appends, and verification compares it with the
-- last entry to detect rows cut from the end. Its starting hash is 64 zeros, the prev_hash of
-- entry 1.
--
-- detail holds ids and codes only, never names or other personal data.

CREATE TABLE audit_log (
    seq          BIGINT         PRIMARY KEY CHECK (seq > 0),
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100)   NOT NULL,
    session_id   VARCHAR(100),
    action       VARCHAR(30)    NOT NULL,
    record_kind  VARCHAR(50),
    record_id    UUID,
    detail       VARCHAR(2000),
    prev_hash    CHAR(64)       NOT NULL,
    hash         CHAR(64)       NOT NULL
);

CREATE INDEX audit_log_record ON audit_log (record_id, seq);

CREATE TABLE audit_head (
    id         INTEGER   PRIMARY KEY CHECK (id = 1),
    last_seq   BIGINT    NOT NULL,
    last_hash  CHAR(64)  NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
