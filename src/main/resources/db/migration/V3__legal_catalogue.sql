-- The legal catalogue: codes and the provisions that charges refer to. Seeded with the articles of
-- the Criminal Code of the Republic of Kazakhstan (2014) that occur in the seed case and in other
-- cases in the same country. A maximum penalty is given only where a cited source states it; an
-- administrator completes the rest from the official text of the code.

INSERT INTO legal_codes (code, country, title_en, title_ru) VALUES
    ('KZ-CC', 'KZ', 'Criminal Code of the Republic of Kazakhstan', 'Уголовный кодекс Республики Казахстан'),
    ('KZ-CPC', 'KZ', 'Code of Criminal Procedure of the Republic of Kazakhstan',
     'Уголовно-процессуальный кодекс Республики Казахстан');

INSERT INTO provisions (public_id, code, article, part, title_en, title_ru, max_penalty_years) VALUES
    ('6f1c2a10-0130-4a8e-9d2e-000000000130', 'KZ-CC', '130', '', 'Slander', 'Клевета', NULL),
    ('6f1c2a10-0131-4a8e-9d2e-000000000131', 'KZ-CC', '131', '', 'Insult', 'Оскорбление', NULL),
    ('6f1c2a10-0147-4a8e-9d2e-000000000147', 'KZ-CC', '147', '',
     'Violation of the inviolability of private life and of the legislation on personal data and their protection',
     'Нарушение неприкосновенности частной жизни и законодательства Республики Казахстан о персональных данных и их защите',
     NULL),
    ('6f1c2a10-0190-4a8e-9d2e-000000000190', 'KZ-CC', '190', '', 'Fraud', 'Мошенничество', NULL),
    ('6f1c2a10-0194-4a8e-9d2e-000000001904', 'KZ-CC', '190', '4',
     'Fraud committed by a criminal group or on an especially large scale',
     'Мошенничество, совершённое преступной группой или в особо крупном размере', 10),
    ('6f1c2a10-0274-4a8e-9d2e-000000000274', 'KZ-CC', '274', '',
     'Dissemination of knowingly false information', 'Распространение заведомо ложной информации', NULL),
    ('6f1c2a10-0405-4a8e-9d2e-000000000405', 'KZ-CC', '405', '',
     'Organisation of or participation in the activity of a public or religious association or other organisation after a court decision banning it or liquidating it in connection with extremism or terrorism',
     'Организация и участие в деятельности общественного или религиозного объединения либо иной организации после решения суда о запрещении их деятельности или ликвидации в связи с осуществлением ими экстремизма или терроризма',
     NULL);
