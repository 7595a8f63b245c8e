package org.casebook.catalogue;

import java.math.BigDecimal;

/**
 * A citation matched against the catalogue. {@code provisionKey} is the internal key of the
 * article-level provision, which a stored charge points to (with its part and clause); {@code
 * title} is the article's English title; {@code maxPenaltyYears} is that of the part when the
 * catalogue lists the part, else that of the article, and null when unknown.
 */
public record ResolvedCharge(
    long provisionKey, Citation citation, String title, BigDecimal maxPenaltyYears) {}
