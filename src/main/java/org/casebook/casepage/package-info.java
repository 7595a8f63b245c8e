/**
 * What the case page shows, as plain values made on the server: the drawing of the proceedings
 * along a shared time axis ({@link org.casebook.casepage.ProceedingsDrawing}), its text alternative
 * ({@link org.casebook.casepage.ProceedingsText}) and the chronology grouped by year ({@link
 * org.casebook.casepage.Timeline}). Nothing here knows about HTTP or templates.
 */
package org.casebook.casepage;
