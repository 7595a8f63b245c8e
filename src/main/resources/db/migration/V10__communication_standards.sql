-- The international standards a communication refers to ("Article 19 of the International
-- Covenant on Civil and Political Rights"), listed in this order in the letter's reference to
-- international human rights law. Sealed like the questions when the communication is restricted,
-- bound to the communication's id and the row's position.
CREATE TABLE communication_standards (
    communication_id  BIGINT   NOT NULL REFERENCES communications (id),
    position          INTEGER  NOT NULL,
    standard          TEXT     NOT NULL,
    PRIMARY KEY (communication_id, position)
);
