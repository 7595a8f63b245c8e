package org.casebook.vocabulary;

/** One coded term of a vocabulary, with its labels in English and Russian. */
public record VocabularyTerm(
    String vocabulary, String code, String labelEn, String labelRu, int position, boolean active) {}
