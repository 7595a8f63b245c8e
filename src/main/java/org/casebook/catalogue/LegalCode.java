package org.casebook.catalogue;

/** A legal code of one country, such as {@code KZ-CC}, the Criminal Code of Kazakhstan. */
public record LegalCode(String code, String country, String titleEn, String titleRu) {}
