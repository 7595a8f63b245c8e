-- A restricted person's birth date is sealed like the rest of the record, and the sealed text of a
-- day-precision date is longer than the 60 characters the plain EDTF needs.
ALTER TABLE persons ALTER COLUMN birth_date_edtf SET DATA TYPE VARCHAR(4000);

-- The visibility rules ask which case files list a person, an organization or a source; without
-- these indexes each such question reads every link of every case file.
CREATE INDEX case_persons_by_person ON case_persons (person_id);
CREATE INDEX case_organizations_by_organization ON case_organizations (organization_id);
CREATE INDEX case_sources_by_source ON case_sources (source_id);
