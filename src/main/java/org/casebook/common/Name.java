package org.casebook.common;

/**
 * Another name of a person or organization, in any script: an alias, a transliteration, a former
 * name. {@code kind} is a code of the {@code name_kind} vocabulary; {@code language} a BCP 47 tag.
 */
public record Name(String name, String kind, String language) {}
