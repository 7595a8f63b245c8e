-- The vocabularies records are coded with, in English and Russian. Administrators add terms
-- through the API; codes are never renamed, only deactivated, so that old records keep their meaning.

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('risk_level', 'low', 'Low', 'Низкий', 1),
    ('risk_level', 'medium', 'Medium', 'Средний', 2),
    ('risk_level', 'high', 'High', 'Высокий', 3),
    ('risk_level', 'critical', 'Critical', 'Критический', 4);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('case_status', 'open', 'Open', 'Открыто', 1),
    ('case_status', 'monitoring', 'Monitoring', 'Наблюдение', 2),
    ('case_status', 'closed', 'Closed', 'Закрыто', 3);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('sex', 'female', 'Female', 'Женский', 1),
    ('sex', 'male', 'Male', 'Мужской', 2),
    ('sex', 'other', 'Other', 'Другой', 3),
    ('sex', 'unknown', 'Unknown', 'Неизвестно', 4);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('name_kind', 'alias', 'Alias', 'Другое имя', 1),
    ('name_kind', 'transliteration', 'Transliteration', 'Транслитерация', 2),
    ('name_kind', 'former', 'Former name', 'Прежнее имя', 3),
    ('name_kind', 'birth', 'Birth name', 'Имя при рождении', 4),
    ('name_kind', 'pseudonym', 'Pseudonym', 'Псевдоним', 5),
    ('name_kind', 'nickname', 'Nickname', 'Прозвище', 6);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('organization_kind', 'ngo', 'Non-governmental organisation', 'Неправительственная организация', 1),
    ('organization_kind', 'foundation', 'Foundation', 'Фонд', 2),
    ('organization_kind', 'movement', 'Movement', 'Движение', 3),
    ('organization_kind', 'state-body', 'State body', 'Государственный орган', 4),
    ('organization_kind', 'court', 'Court', 'Суд', 5),
    ('organization_kind', 'police', 'Police', 'Полиция', 6),
    ('organization_kind', 'prosecutor', 'Prosecutor', 'Прокуратура', 7),
    ('organization_kind', 'intergovernmental', 'Intergovernmental body', 'Межправительственный орган', 8),
    ('organization_kind', 'media', 'Media', 'СМИ', 9),
    ('organization_kind', 'company', 'Company', 'Компания', 10),
    ('organization_kind', 'other', 'Other', 'Другое', 11);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('registration_outcome', 'registered', 'Registered', 'Зарегистрирована', 1),
    ('registration_outcome', 'refused', 'Registration refused', 'Отказано в регистрации', 2),
    ('registration_outcome', 'revoked', 'Registration revoked', 'Регистрация отозвана', 3);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('membership_role', 'founder', 'Founder', 'Основатель', 1),
    ('membership_role', 'co-founder', 'Co-founder', 'Сооснователь', 2),
    ('membership_role', 'chair', 'Chair of the board', 'Председатель правления', 3),
    ('membership_role', 'director', 'Director', 'Директор', 4),
    ('membership_role', 'member', 'Member', 'Член', 5),
    ('membership_role', 'employee', 'Employee', 'Сотрудник', 6),
    ('membership_role', 'volunteer', 'Volunteer', 'Волонтёр', 7),
    ('membership_role', 'spokesperson', 'Spokesperson', 'Представитель', 8);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('relationship_type', 'spouse', 'Spouse of', 'Супруг(а)', 1),
    ('relationship_type', 'lawyer-of', 'Lawyer of', 'Адвокат', 2),
    ('relationship_type', 'colleague', 'Colleague of', 'Коллега', 3),
    ('relationship_type', 'relative', 'Relative of', 'Родственник', 4),
    ('relationship_type', 'partner', 'Partner of', 'Партнёр', 5),
    ('relationship_type', 'representative-of', 'Representative of', 'Представитель', 6);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('source_kind', 'un-communication', 'UN communication', 'Сообщение ООН', 1),
    ('source_kind', 'government-reply', 'Government reply', 'Ответ правительства', 2),
    ('source_kind', 'court-decision', 'Court decision', 'Решение суда', 3),
    ('source_kind', 'news-article', 'News article', 'Новостная статья', 4),
    ('source_kind', 'ngo-report', 'NGO report', 'Доклад НПО', 5),
    ('source_kind', 'social-media-post', 'Social media post', 'Публикация в соцсетях', 6),
    ('source_kind', 'testimony', 'Testimony', 'Свидетельство', 7),
    ('source_kind', 'official-statement', 'Official statement', 'Официальное заявление', 8),
    ('source_kind', 'other', 'Other', 'Другое', 9);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('reliability', 'highly-reliable', 'Highly reliable', 'Высоконадёжный', 1),
    ('reliability', 'usually-reliable', 'Usually reliable', 'Обычно надёжный', 2),
    ('reliability', 'fairly-reliable', 'Fairly reliable', 'Достаточно надёжный', 3),
    ('reliability', 'not-usually-reliable', 'Not usually reliable', 'Обычно ненадёжный', 4),
    ('reliability', 'unreliable', 'Unreliable', 'Ненадёжный', 5),
    ('reliability', 'unknown', 'Reliability unknown', 'Надёжность неизвестна', 6);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('event_type', 'social-media-post', 'Social media post', 'Публикация в соцсетях', 1),
    ('event_type', 'public-statement', 'Public statement', 'Публичное заявление', 2),
    ('event_type', 'smear-campaign', 'Smear campaign', 'Кампания по дискредитации', 3),
    ('event_type', 'threat', 'Threat', 'Угроза', 4),
    ('event_type', 'complaint-filed', 'Complaint filed', 'Подана жалоба', 5),
    ('event_type', 'criminal-case-opened', 'Criminal case opened', 'Возбуждено уголовное дело', 6),
    ('event_type', 'criminal-case-dismissed', 'Criminal case dismissed', 'Уголовное дело прекращено', 7),
    ('event_type', 'suspect-named', 'Named as suspect', 'Признание подозреваемым', 8),
    ('event_type', 'wanted-listing', 'Wanted listing', 'Объявление в розыск', 9),
    ('event_type', 'extradition-request', 'Extradition request', 'Запрос об экстрадиции', 10),
    ('event_type', 'border-refusal', 'Refused entry at border', 'Отказ во въезде', 11),
    ('event_type', 'surveillance', 'Surveillance', 'Слежка', 12),
    ('event_type', 'bank-data-seized', 'Bank data seized', 'Изъятие банковских данных', 13),
    ('event_type', 'bank-accounts-blocked', 'Bank accounts blocked', 'Блокировка счетов', 14),
    ('event_type', 'court-decision', 'Court decision', 'Решение суда', 15),
    ('event_type', 'acquittal', 'Acquittal', 'Оправдание', 16),
    ('event_type', 'conviction', 'Conviction', 'Обвинительный приговор', 17),
    ('event_type', 'fine', 'Fine', 'Штраф', 18),
    ('event_type', 'press-conference', 'Press conference', 'Пресс-конференция', 19),
    ('event_type', 'speech', 'Speech', 'Выступление', 20),
    ('event_type', 'registration', 'Registration', 'Регистрация', 21),
    ('event_type', 'registration-refused', 'Registration refused', 'Отказ в регистрации', 22),
    ('event_type', 'relocation', 'Relocation', 'Переезд', 23),
    ('event_type', 'asylum-application', 'Asylum application', 'Ходатайство об убежище', 24),
    ('event_type', 'legislation', 'Legislation', 'Законодательство', 25),
    ('event_type', 'communication-sent', 'Communication sent', 'Направлено сообщение', 26),
    ('event_type', 'government-reply', 'Government reply', 'Ответ правительства', 27),
    ('event_type', 'detention', 'Detention', 'Задержание', 28),
    ('event_type', 'protest', 'Protest', 'Протест', 29),
    ('event_type', 'other', 'Other', 'Другое', 30);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('participant_role', 'target', 'Target', 'Объект преследования', 1),
    ('participant_role', 'victim', 'Victim', 'Пострадавший', 2),
    ('participant_role', 'perpetrator', 'Perpetrator', 'Исполнитель', 3),
    ('participant_role', 'authority', 'Authority', 'Орган власти', 4),
    ('participant_role', 'witness', 'Witness', 'Свидетель', 5),
    ('participant_role', 'complainant', 'Complainant', 'Заявитель', 6),
    ('participant_role', 'intervener', 'Intervener', 'Вмешавшаяся сторона', 7),
    ('participant_role', 'ally', 'Ally', 'Союзник', 8);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('violation_status', 'confirmed', 'Confirmed', 'Подтверждено', 1),
    ('violation_status', 'likely', 'Likely', 'Вероятно', 2),
    ('violation_status', 'possible', 'Possible', 'Возможно', 3),
    ('violation_status', 'unlikely', 'Unlikely', 'Маловероятно', 4),
    ('violation_status', 'unknown', 'Unknown', 'Неизвестно', 5);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('event_link', 'precedes', 'Precedes', 'Предшествует', 1),
    ('event_link', 'causes', 'Causes', 'Является причиной', 2),
    ('event_link', 'part-of', 'Part of', 'Часть', 3),
    ('event_link', 'follows', 'Follows', 'Следует за', 4);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('proceeding_kind', 'criminal', 'Criminal', 'Уголовное', 1),
    ('proceeding_kind', 'civil', 'Civil', 'Гражданское', 2),
    ('proceeding_kind', 'administrative', 'Administrative', 'Административное', 3),
    ('proceeding_kind', 'asylum', 'Asylum', 'Убежище', 4),
    ('proceeding_kind', 'extradition', 'Extradition', 'Экстрадиция', 5),
    ('proceeding_kind', 'private-prosecution', 'Private prosecution', 'Частное обвинение', 6);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('party_role', 'suspect', 'Suspect', 'Подозреваемый', 1),
    ('party_role', 'accused', 'Accused', 'Обвиняемый', 2),
    ('party_role', 'defendant', 'Defendant', 'Ответчик', 3),
    ('party_role', 'plaintiff', 'Plaintiff', 'Истец', 4),
    ('party_role', 'complainant', 'Complainant', 'Заявитель', 5),
    ('party_role', 'applicant', 'Applicant', 'Заявитель', 6),
    ('party_role', 'respondent', 'Respondent', 'Ответчик', 7),
    ('party_role', 'lawyer', 'Lawyer', 'Адвокат', 8),
    ('party_role', 'judge', 'Judge', 'Судья', 9),
    ('party_role', 'investigator', 'Investigator', 'Следователь', 10),
    ('party_role', 'prosecutor', 'Prosecutor', 'Прокурор', 11);

INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position) VALUES
    ('proceeding_status', 'filed', 'Filed', 'Подано', 1),
    ('proceeding_status', 'opened', 'Opened', 'Возбуждено', 2),
    ('proceeding_status', 'suspect-named', 'Suspect named', 'Признан(а) подозреваемым', 3),
    ('proceeding_status', 'charged', 'Charged', 'Предъявлено обвинение', 4),
    ('proceeding_status', 'suspended', 'Suspended', 'Приостановлено', 5),
    ('proceeding_status', 'resumed', 'Resumed', 'Возобновлено', 6),
    ('proceeding_status', 'interrupted', 'Interrupted', 'Прервано', 7),
    ('proceeding_status', 'dismissed', 'Dismissed', 'Прекращено', 8),
    ('proceeding_status', 'acquitted', 'Acquitted', 'Оправдан(а)', 9),
    ('proceeding_status', 'convicted', 'Convicted', 'Осуждён(а)', 10),
    ('proceeding_status', 'appealed', 'Appealed', 'Обжаловано', 11),
    ('proceeding_status', 'wanted-listed', 'Wanted-listed', 'Объявлен(а) в розыск', 12),
    ('proceeding_status', 'extradition-requested', 'Extradition requested', 'Запрошена экстрадиция', 13),
    ('proceeding_status', 'decision-due', 'Decision due', 'Ожидается решение', 14),
    ('proceeding_status', 'decided', 'Decided', 'Решено', 15),
    ('proceeding_status', 'closed', 'Closed', 'Закрыто', 16);
